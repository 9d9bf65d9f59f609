// glibc's malloc tuning (mallopt), which the Glibc module does not import.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
