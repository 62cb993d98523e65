package xyz.cavos.wallet.ui;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * A transaction a screen sent, once the chain settled it: what it was ("Transfer", with "1.5 STRK to Alice"),
 * its hash, and either the block it was accepted in (with the fee paid) or why it reverted. Screens hand it to
 * {@link WalletModel#settled}, so it is told whichever screen is on view by then.
 */
public record SentTransaction(String action, String detail, Felt hash, boolean accepted, String outcome, AppShell.Screen screen) {

    /** An accepted transaction, from the outcome the wallet returned after waiting for it. */
    public static SentTransaction accepted(String action, String detail, TransactionOutcome sent, AppShell.Screen screen) {
        String outcome = sent.receipt().map(r -> "accepted in block " + r.blockNumber() + ", " + Format.paidFee(sent)).orElse("accepted");
        return new SentTransaction(action, detail, sent.transactionHash(), true, outcome, screen);
    }

    /**
     * The transaction {@code hash} reverted, if that is what {@code failure} says (the chain included it and the fee was
     * paid); empty for any other failure, such as a refusal before sending or a wait that ran out.
     */
    public static Optional<SentTransaction> reverted(String action, String detail, Felt hash, Throwable failure,
            AppShell.Screen screen) {
        String prefix = "Transaction " + hash.toHex() + " reverted: ";
        return WalletError.explain(failure).map(WalletError::getMessage).filter(m -> m.startsWith(prefix))
                .map(m -> new SentTransaction(action, detail, hash, false, m.substring(prefix.length()), screen));
    }
}
