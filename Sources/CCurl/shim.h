/* Typed wrappers for libcurl's variadic calls, which Swift cannot import.
 * Each wrapper fixes the argument type of one option family (long, string, pointer,
 * callback, slist, curl_off_t) so Swift can call it safely. Prefixed lagocurl_ to avoid clashes. */
#ifndef LAGOTUI_CCURL_SHIM_H
#define LAGOTUI_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>

typedef size_t (*lagocurl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*lagocurl_xferinfo_callback)(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
                                          curl_off_t ultotal, curl_off_t ulnow);
typedef int (*lagocurl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

static inline CURLcode lagocurl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_data_callback(CURL *h, CURLoption o, lagocurl_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode lagocurl_easy_setopt_xferinfo_callback(CURL *h, CURLoption o, lagocurl_xferinfo_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode lagocurl_easy_setopt_debug_callback(CURL *h, CURLoption o, lagocurl_debug_callback v) { return curl_easy_setopt(h, o, v); }
/* A blob option (CURLOPT_CAINFO_BLOB); libcurl copies the bytes, so they need not outlive the call. */
static inline CURLcode lagocurl_easy_setopt_blob(CURL *h, CURLoption o, const void *data, size_t len) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = len;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(h, o, &blob);
}

static inline CURLcode lagocurl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode lagocurl_easy_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode lagocurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* The value of field `name` ("Expire date", "Subject") of certificate `index` of the server's
 * chain (CURLOPT_CERTINFO must have been set), or NULL. The text lives as long as the handle. */
static inline const char *lagocurl_certinfo_field(CURL *h, int index, const char *name) {
    struct curl_certinfo *info = NULL;
    if (curl_easy_getinfo(h, CURLINFO_CERTINFO, &info) != CURLE_OK || info == NULL) return NULL;
    if (index < 0 || index >= info->num_of_certs) return NULL;
    size_t length = strlen(name);
    for (struct curl_slist *item = info->certinfo[index]; item != NULL; item = item->next) {
        if (strncmp(item->data, name, length) == 0 && item->data[length] == ':') return item->data + length + 1;
    }
    return NULL;
}

/* The CURLMsg result lives in a union; read it in C. */
static inline CURLcode lagocurl_msg_result(CURLMsg *msg) { return msg->data.result; }

#endif
