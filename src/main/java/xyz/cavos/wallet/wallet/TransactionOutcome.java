package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;

/**
 * A submitted transaction: its hash, what the fee estimate was and the most it could cost the wallet, who paid it
 * ({@code feeMode}: self, sponsored or token, as {@link FeePayment#mode()}) and in which token, and the receipt once it
 * was waited for. A reverted receipt is reported as a {@link WalletError}, never as an outcome.
 */
public record TransactionOutcome(
        Felt transactionHash,
        int calls,
        BigInteger estimatedFee,
        BigInteger maxFee,
        Optional<TransactionReceipt> receipt,
        Optional<String> explorerLink,
        String feeMode,
        Token feeToken) {

    /** A transaction the wallet paid for itself, in STRK. */
    public TransactionOutcome(Felt transactionHash, int calls, BigInteger estimatedFee, BigInteger maxFee,
            Optional<TransactionReceipt> receipt, Optional<String> explorerLink) {
        this(transactionHash, calls, estimatedFee, maxFee, receipt, explorerLink, FeePayment.SELF.mode(), Token.STRK);
    }

    public boolean sponsored() {
        return feeMode.equals("sponsored");
    }

    /**
     * What the wallet paid, in {@link #feeToken()} base units, once the receipt is in: the receipt's fee when it paid for
     * itself, nothing when sponsored, the fee transfer it signed when it paid the paymaster in a token.
     */
    public Optional<BigInteger> paidFee() {
        return receipt.map(r -> switch (feeMode) {
            case "sponsored" -> BigInteger.ZERO;
            case "token" -> maxFee;
            default -> r.actualFee();
        });
    }
}
