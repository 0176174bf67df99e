// Linux socket and epoll calls that Swift's Glibc module does not expose (epoll, eventfd, accept4),
// wrapped so Swift never touches the packed `struct epoll_event`.
#ifndef JIANWU_CEPOLL_SHIM_H
#define JIANWU_CEPOLL_SHIM_H

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

// accept4 is a GNU extension; declaring it here avoids _GNU_SOURCE, which would make these headers differ from Glibc's module.
extern int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

static inline int jw_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static inline int jw_epoll_ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// Waits for events and copies them into two plain arrays (fds, event masks).
static inline int jw_epoll_wait(int epfd, int *fds, uint32_t *masks, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) {
        fds[i] = evs[i].data.fd;
        masks[i] = evs[i].events;
    }
    return n;
}

static inline int jw_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

static inline int jw_accept(int fd) {
    return accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

static inline int jw_errno(void) { return errno; }

static inline int jw_set_int_option(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof value);
}

/// Creates a non-blocking listening socket bound to an IPv4 or IPv6 literal address.
/// Returns the fd, or -errno on failure.
static inline int jw_listen(const char *host, uint16_t port, int backlog, int reuse_port) {
    struct sockaddr_storage addr;
    socklen_t len;
    memset(&addr, 0, sizeof addr);
    int family;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        family = AF_INET; v4->sin_family = AF_INET; v4->sin_port = htons(port); len = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        family = AF_INET6; v6->sin6_family = AF_INET6; v6->sin6_port = htons(port); len = sizeof *v6;
    } else {
        return -EINVAL;
    }
    int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reuse_port) setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&addr, len) < 0 || listen(fd, backlog) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

/// The port a socket is bound to (useful after binding port 0).
static inline int jw_local_port(int fd) {
    struct sockaddr_storage addr;
    socklen_t len = sizeof addr;
    if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0) return -1;
    if (addr.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&addr)->sin_port);
    return ntohs(((struct sockaddr_in6 *)&addr)->sin6_port);
}

/// The peer's address as text ("127.0.0.1"); writes an empty string on failure.
static inline void jw_peer_address(int fd, char *out, socklen_t out_len) {
    struct sockaddr_storage addr;
    socklen_t len = sizeof addr;
    out[0] = 0;
    if (getpeername(fd, (struct sockaddr *)&addr, &len) < 0) return;
    if (addr.ss_family == AF_INET) inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, out, out_len);
    else inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, out, out_len);
}

static inline ssize_t jw_send(int fd, const void *buf, size_t len) { return send(fd, buf, len, MSG_NOSIGNAL); }

/// Raises the soft open-files limit to the hard limit; returns the new soft limit.
static inline long jw_raise_nofile(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return -1;
    rl.rlim_cur = rl.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &rl) != 0) return -1;
    return (long)rl.rlim_cur;
}

static inline uint64_t jw_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline void jw_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

/// Asks the kernel to SIGKILL this process when its parent dies (prctl is variadic, so Swift cannot call it).
/// Helper processes started by tests use it so a crashed test run never leaves them running.
static inline int jw_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL); }

#endif
