// How an input is written: it decides what markup is blanked before the prose is read.
#pragma once

namespace copydesk {

enum class Format { Plain, Markdown, Html };

}  // namespace copydesk
