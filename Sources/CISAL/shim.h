#ifndef RAPPORT_CISAL_SHIM_H
#define RAPPORT_CISAL_SHIM_H
#include <isa-l/crc.h>
#endif
