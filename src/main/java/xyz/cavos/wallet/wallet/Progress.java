package xyz.cavos.wallet.wallet;

import xyz.cavos.wallet.starknet.Felt;

/** What a write is doing, for a spinner, a status line or a log. Called on the worker thread. */
public interface Progress {

    Progress SILENT = new Progress() { };

    default void step(String message) {
    }

    /**
     * The checks passed on fresh chain data: the fee is estimated and the transaction signed and sent next. A retry
     * checks again, so this may come more than once.
     */
    default void checked() {
    }

    default void submitted(Felt transactionHash) {
    }
}
