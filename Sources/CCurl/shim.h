/* Typed wrappers for libcurl's variadic calls, which Swift cannot import.
 * Each wrapper fixes the argument type of one option family (long, string, pointer,
 * callback, slist, curl_off_t) so Swift can call it safely. Prefixed lagocurl_ to avoid clashes. */
#ifndef LAGOTUI_CCURL_SHIM_H
#define LAGOTUI_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*lagocurl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*lagocurl_xferinfo_callback)(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
                                          curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode lagocurl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_data_callback(CURL *h, CURLoption o, lagocurl_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_xferinfo_callback(CURL *h, CURLoption o, lagocurl_xferinfo_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode lagocurl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode lagocurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* The CURLMsg result lives in a union; read it in C. */
static inline CURLcode lagocurl_msg_result(CURLMsg *msg) { return msg->data.result; }

#endif
