#include "remote/remote_server.h"
