// libxml2 pulls in the system ICU headers when built with ICU; Foundation ships its own ICU
// module and the two clash ("UErrorCode has different definitions"). We never use libxml2's
// ICU encoders, so hide them (this only drops a pointer field from a struct we never touch).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
