package xyz.cavos.wallet.wallet;

/**
 * Where a page of the history stopped: the next page lists what is older than this place. {@code window} is the
 * block range the endpoint was last seen to accept, {@code floor} the lowest block the history goes down to (the
 * session's registration, or a bounded depth). Handed back as it came; its fields mean nothing to callers.
 */
public record ActivityCursor(long block, int transaction, int source, int index, long window, long floor) {

    /** Whether a place in the chain comes before (is older than) this one. */
    boolean isOlder(long otherBlock, int otherTransaction, int otherSource, int otherIndex) {
        int byBlock = Long.compare(otherBlock, block);
        if (byBlock != 0) {
            return byBlock < 0;
        }
        if (otherTransaction != transaction) {
            return otherTransaction < transaction;
        }
        if (otherSource != source) {
            return otherSource < source;
        }
        return otherIndex < index;
    }
}
