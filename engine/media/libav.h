// FFmpeg's libraries, opened when the first video is made rather than linked
// into friche. They load a hundred more (each codec FFmpeg was built with,
// X11, VA-API, ...): 28 ms of every start of the program on the 2-core
// machine, twice where it starts itself again (app/huge_pages.h), for what
// only a video uses.
//
//   std::string error;
//   const media::LibAv* av = media::openLibAv(error);   // nullptr: `error` says which
//   av->avcodec_send_frame(codec, frame);
#pragma once

#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>
}

namespace friche::media {

// The functions the video encoder calls, each with its library.
#define FRICHE_LIBAV_FUNCTIONS(X)               \
    X(avutil, av_dict_free)                     \
    X(avutil, av_dict_set)                      \
    X(avutil, av_frame_alloc)                   \
    X(avutil, av_frame_free)                    \
    X(avutil, av_frame_get_buffer)              \
    X(avutil, av_frame_make_writable)           \
    X(avutil, av_log_set_level)                 \
    X(avutil, av_strerror)                      \
    X(avcodec, av_packet_alloc)                 \
    X(avcodec, av_packet_free)                  \
    X(avcodec, av_packet_rescale_ts)            \
    X(avcodec, avcodec_alloc_context3)          \
    X(avcodec, avcodec_find_encoder)            \
    X(avcodec, avcodec_find_encoder_by_name)    \
    X(avcodec, avcodec_free_context)            \
    X(avcodec, avcodec_open2)                   \
    X(avcodec, avcodec_parameters_from_context) \
    X(avcodec, avcodec_receive_packet)          \
    X(avcodec, avcodec_send_frame)              \
    X(avformat, av_interleaved_write_frame)     \
    X(avformat, av_write_trailer)               \
    X(avformat, avformat_alloc_output_context2) \
    X(avformat, avformat_free_context)          \
    X(avformat, avformat_new_stream)            \
    X(avformat, avformat_write_header)          \
    X(avformat, avio_closep)                    \
    X(avformat, avio_open)                      \
    X(swscale, sws_freeContext)                 \
    X(swscale, sws_getCoefficients)             \
    X(swscale, sws_getContext)                  \
    X(swscale, sws_scale)                       \
    X(swscale, sws_setColorspaceDetails)

struct LibAv {
#define FRICHE_LIBAV_MEMBER(library, name) decltype(&::name) name = nullptr;
    FRICHE_LIBAV_FUNCTIONS(FRICHE_LIBAV_MEMBER)
#undef FRICHE_LIBAV_MEMBER
};

// Opens the libraries of the FFmpeg friche was built against (their major
// versions), once a process; nullptr, with the library or function that is
// missing in `error`, if they cannot be had. They stay open until the end.
const LibAv* openLibAv(std::string& error);

}  // namespace friche::media
