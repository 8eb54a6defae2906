// What libcopydesk exports. The library is built with hidden visibility, so only what
// is marked here is part of its interface: the internal classes can change freely.
#pragma once

#define COPYDESK_API __attribute__((visibility("default")))
