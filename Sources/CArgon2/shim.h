// libargon2 (Debian libargon2-dev): argon2id_hash_encoded, argon2id_verify, argon2_encodedlen.
#include <argon2.h>
