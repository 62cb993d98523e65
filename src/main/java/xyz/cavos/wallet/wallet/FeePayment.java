package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.util.Optional;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.PaymasterKey;

/**
 * Who pays a transaction's fee: the wallet itself in STRK (an INVOKE v3, {@link #SELF}), a paymaster that sponsors it,
 * or a paymaster paid in a token the wallet holds. The last two send the calls as a SNIP-9 outside execution, signed
 * only after the paymaster's typed data has been checked ({@link PaymasterReview}).
 */
public sealed interface FeePayment {

    FeePayment SELF = new Self();

    /** A paymaster's JSON-RPC address, and its API key when it needs one (sent as a header, never shown). */
    record Paymaster(URI url, Optional<PaymasterKey> apiKey) {

        /** The address without its path's secrets, for messages: scheme, host and port. */
        public String forDisplay() {
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        }
    }

    /** The wallet pays in STRK, as a plain INVOKE v3. */
    record Self() implements FeePayment {
    }

    /** The paymaster pays. */
    record Sponsored(Paymaster paymaster) implements FeePayment {
    }

    /**
     * The paymaster is paid in {@code gasToken}, at most {@code maximumFee} (base units) when given; else at most what
     * the paymaster itself suggests as the maximum, which the person sees before confirming.
     */
    record InToken(Paymaster paymaster, Token gasToken, Optional<U256> maximumFee) implements FeePayment {
    }

    /** The mode's name as the command line and the app's selector say it: self, sponsored or token. */
    default String mode() {
        return switch (this) {
            case Self s -> "self";
            case Sponsored s -> "sponsored";
            case InToken t -> "token";
        };
    }
}
