package xyz.cavos.wallet.wallet;

import xyz.cavos.wallet.starknet.Felt;

/** What a write is doing, for a spinner, a status line or a log. Called on the worker thread. */
public interface Progress {

    Progress SILENT = new Progress() { };

    default void step(String message) {
    }

    default void submitted(Felt transactionHash) {
    }
}
