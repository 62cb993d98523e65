package xyz.cavos.wallet.wallet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Deadline;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.BuiltTransaction;
import xyz.cavos.wallet.starknet.paymaster.ExecutedTransaction;
import xyz.cavos.wallet.starknet.paymaster.FeeMode;
import xyz.cavos.wallet.starknet.paymaster.PaymasterClient;
import xyz.cavos.wallet.starknet.paymaster.PaymasterException;
import xyz.cavos.wallet.starknet.paymaster.TrackedTransaction;

/**
 * Sends calls through a SNIP-29 paymaster: the session's policy is checked on the user's calls, the paymaster builds
 * the outside execution, {@link PaymasterReview} checks it against what the user asked for, the policy is checked again
 * on every call the signature covers (a fee transfer counts against its token's limit, needs the token on the
 * allow-list and uses one call), and only then is it signed and handed back to the paymaster. A refusal anywhere signs
 * nothing; nothing falls back to paying in STRK.
 */
final class GaslessSender {


    private final SessionToken token;
    private final SnapshotReader reader;
    private final TransactionSender sender;
    private final Duration requestTimeout;

    GaslessSender(SessionToken token, SnapshotReader reader, TransactionSender sender, Duration requestTimeout) {
        this.token = token;
        this.reader = reader;
        this.sender = sender;
        this.requestTimeout = requestTimeout;
    }

    /** Builds and checks, signs and sends nothing: what the person sees before confirming. */
    GaslessQuote quote(List<Call> calls, FeePayment payment) {
        return quote(checkedByPolicy(calls), payment);
    }

    /** As {@link #quote(List, FeePayment)}, for calls the plan builds and checks against the snapshot. */
    GaslessQuote quote(TransactionSender.Plan plan, FeePayment payment) {
        WalletSnapshot snapshot = reader.read();
        List<Call> calls = List.copyOf(plan.calls(snapshot));
        try (PaymasterClient paymaster = connect(payment)) {
            return build(paymaster, snapshot, calls, payment).quote();
        } catch (PaymasterException e) {
            throw explained(e, payment);
        }
    }

    TransactionOutcome send(List<Call> calls, FeePayment payment, boolean wait, Duration timeout, Progress progress) {
        return send(checkedByPolicy(calls), payment, wait, timeout, progress);
    }

    /** The plan's calls, checked by the session's policy as any transaction of the session is. */
    private TransactionSender.Plan checkedByPolicy(List<Call> calls) {
        return snapshot -> {
            Preflight.check(token, snapshot, calls);
            return calls;
        };
    }

    /**
     * Sends the calls the plan builds and checks against the snapshot read now (a renewal checks its own rules: an
     * expired key may still sign it).
     */
    TransactionOutcome send(TransactionSender.Plan plan, FeePayment payment, boolean wait, Duration timeout, Progress progress) {
        progress.step("Checking the session and policy against the chain");
        WalletSnapshot snapshot = reader.read();
        List<Call> calls = List.copyOf(plan.calls(snapshot));
        try (PaymasterClient paymaster = connect(payment)) {
            progress.step("Asking the paymaster to build the transaction");
            Reviewed reviewed = build(paymaster, snapshot, calls, payment);
            progress.checked();
            List<Call> signed = reviewed.approved().signedCalls();
            Felt chainId = snapshot.network().chainId();
            Felt hash = reviewed.approved().messageHash(token.walletAddress(), chainId);
            List<Felt> signature = SessionSignature.sign(token, hash, signed, snapshot.policy().allowedContractsRoot()).toFelts();
            progress.step("Sending through the paymaster");
            long deadline = Deadline.after(timeout);
            ExecutedTransaction executed = paymaster.executeTransaction(token.walletAddress(), reviewed.built().typedData(), signature,
                    reviewed.built().parameters());
            Felt txHash = executed.transactionHash();
            progress.submitted(txHash);
            sender.record(txHash, signed, snapshot);
            sender.countCalls(signed.size());
            Optional<TransactionReceipt> receipt = Optional.empty();
            if (wait) {
                txHash = followed(paymaster, executed, deadline);
                receipt = Optional.of(sender.waitUntil(txHash, deadline, timeout, progress));
            }
            GaslessQuote quote = reviewed.quote();
            return new TransactionOutcome(txHash, signed.size(), quote.estimated().value(), quote.maximum().value(), receipt,
                    snapshot.network().explorerLink(txHash), payment.mode(), quote.gasToken().orElse(Token.STRK));
        } catch (PaymasterException e) {
            throw explained(e, payment);
        }
    }

    private record Reviewed(BuiltTransaction built, PaymasterReview.Approved approved, GaslessQuote quote) {
    }

    private Reviewed build(PaymasterClient paymaster, WalletSnapshot snapshot, List<Call> calls, FeePayment payment) {
        FeeMode mode = switch (payment) {
            case FeePayment.Sponsored s -> FeeMode.sponsored();
            case FeePayment.InToken t -> FeeMode.inGasToken(t.gasToken().address());
            case FeePayment.Self s -> throw new IllegalArgumentException("a self-paid transaction has no paymaster");
        };
        if (payment instanceof FeePayment.InToken t && !Preflight.canMove(token, snapshot, t.gasToken().address())) {
            throw PaymasterErrors.gasTokenNotInPolicy(t.gasToken().symbol());
        }
        BuiltTransaction built = paymaster.buildTransaction(token.walletAddress(), calls, mode);
        PaymasterReview.Payment accepted = switch (payment) {
            case FeePayment.InToken t -> new PaymasterReview.Payment.InToken(t.gasToken().address(),
                    t.maximumFee().orElse(U256.of(built.fee().suggestedMaxFeeInGasToken())));
            default -> new PaymasterReview.Payment.Sponsored();
        };
        PaymasterReview.Approved approved = PaymasterReview.check(calls, snapshot.network().chainId(), token.walletAddress(), accepted,
                snapshot.chainTime(), built);
        if (payment instanceof FeePayment.InToken) {
            // the fee transfer too: its limit, its allow-list entry, one more call (sponsored, the signed calls are the user's own)
            Preflight.check(token, snapshot, approved.signedCalls());
        }
        Preflight.checkFunds(snapshot, token.walletAddress(), approved.signedCalls(), java.math.BigInteger.ZERO);
        GaslessQuote quote = payment instanceof FeePayment.InToken t
                ? new GaslessQuote(Optional.of(t.gasToken()), min(U256.of(built.fee().estimatedFeeInGasToken()), approved.fee()), approved.fee())
                : new GaslessQuote(Optional.empty(), U256.ZERO, U256.ZERO);
        return new Reviewed(built, approved, quote);
    }

    /** The paymaster may re-send with a higher tip: its tracking id names the transaction that finally counts. */
    private Felt followed(PaymasterClient paymaster, ExecutedTransaction executed, long deadline) {
        Felt latest = executed.transactionHash();
        long pause = 200;
        while (!Deadline.left(deadline).isZero()) {
            TrackedTransaction tracked;
            try {
                tracked = paymaster.trackingIdToLatestHash(executed.trackingId());
            } catch (PaymasterException e) {
                return latest; // the chain's receipt is the answer; the tracking id only says which hash to ask about
            }
            latest = tracked.transactionHash();
            if (tracked.status() != TrackedTransaction.Status.ACTIVE) {
                return latest;
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, Deadline.left(deadline).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return latest;
            }
            pause = Math.min(2000, pause * 3 / 2);
        }
        return latest;
    }

    /** The paymaster's error in the wallet's words; a sponsored request sent without a key and refused is about the key. */
    private static WalletError explained(PaymasterException e, FeePayment payment) {
        if (payment instanceof FeePayment.Sponsored sponsored && sponsored.paymaster().apiKey().isEmpty()) {
            return PaymasterErrors.withoutKey(e, sponsored.paymaster().forDisplay());
        }
        return PaymasterErrors.of(e);
    }

    private static U256 min(U256 a, U256 b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private PaymasterClient connect(FeePayment payment) {
        FeePayment.Paymaster paymaster = switch (payment) {
            case FeePayment.Sponsored s -> s.paymaster();
            case FeePayment.InToken t -> t.paymaster();
            case FeePayment.Self s -> throw new IllegalArgumentException("a self-paid transaction has no paymaster");
        };
        return PaymasterClient.connect(paymaster.url(), paymaster.apiKey(), requestTimeout);
    }
}
