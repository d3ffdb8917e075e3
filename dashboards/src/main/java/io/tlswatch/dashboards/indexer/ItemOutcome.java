package io.tlswatch.dashboards.indexer;

/** What a bulk item's HTTP status means for the record behind it. */
public enum ItemOutcome {
    /** Created: done. */
    CREATED,
    /** 409: a document with this id is there already (a redelivery): done. */
    ALREADY_THERE,
    /** 429 or 5xx: Elasticsearch is busy or unwell; send the item again. */
    RETRY,
    /** Any other 4xx: this document will never be accepted; it goes to the dead-letter topic. */
    REJECTED;

    public static ItemOutcome of(int status) {
        if (status >= 200 && status < 300) {
            return CREATED;
        }
        if (status == 409) {
            return ALREADY_THERE;
        }
        if (status == 429 || status >= 500 || status < 200) {
            return RETRY;
        }
        return REJECTED;
    }
}
