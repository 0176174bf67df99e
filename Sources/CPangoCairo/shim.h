#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/// g_object_unref for an opaque PangoLayout/PangoContext pointer (the G_OBJECT() cast macro does not import).
static inline void jw_object_unref(void *object) { g_object_unref(object); }
