// OpenSSL 3 libcrypto (Debian libssl-dev). Only the real 3.0 function names import into Swift;
// the macro aliases (EVP_MD_CTX_create, BIO_get_mem_data, …) do not, so wrappers live here.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

/// BIO_get_mem_data is a macro over BIO_ctrl: returns the length and points *data at the buffer.
static inline long jianwu_bio_mem_data(BIO *bio, char **data) {
    return BIO_ctrl(bio, BIO_CTRL_INFO, 0, (void *)data);
}
