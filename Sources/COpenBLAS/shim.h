// Debian's libopenblas-dev puts cblas.h in /usr/include/x86_64-linux-gnu (via update-alternatives),
// which is on the default include path; pkg-config's openblas-pthread dir is also passed by SwiftPM.
#include <cblas.h>
