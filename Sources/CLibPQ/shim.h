#ifndef JIANWU_CLIBPQ_SHIM_H
#define JIANWU_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
