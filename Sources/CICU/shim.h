// ICU word break, wrapped so Swift does not depend on ICU's versioned symbol names (ubrk_open_72 …).
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

static inline UBreakIterator *shim_ubrk_open_words(const char *locale, const UChar *text, int32_t length, UErrorCode *status) {
    return ubrk_open(UBRK_WORD, locale, text, length, status);
}
static inline int32_t shim_ubrk_first(UBreakIterator *iterator) { return ubrk_first(iterator); }
static inline int32_t shim_ubrk_next(UBreakIterator *iterator) { return ubrk_next(iterator); }
static inline int32_t shim_ubrk_rule_status(UBreakIterator *iterator) { return ubrk_getRuleStatus(iterator); }
static inline void shim_ubrk_close(UBreakIterator *iterator) { ubrk_close(iterator); }
