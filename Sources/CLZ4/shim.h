#ifndef RAPPORT_CLZ4_SHIM_H
#define RAPPORT_CLZ4_SHIM_H
#include <lz4.h>
#endif
