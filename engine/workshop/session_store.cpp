#include "workshop/session_store.h"
