package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Deadline;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.store.SentLog;
import xyz.cavos.wallet.store.SessionStore;
import xyz.cavos.wallet.store.StoreException;

/**
 * Every write goes through here: fresh chain data, the caller's checks, a fee estimate, signing, sending and
 * the receipt. A nonce another device used first is retried from the start (nothing was sent). A transaction
 * goes to one endpoint only, the one that served the chain data it was signed on. When its answer is lost (the
 * connection broke, no answer in time, a server error), the wallet settles the question itself before it reports:
 * any endpoint is asked whether the transaction arrived and, while none knows it, that first endpoint is sent the
 * very same signed transaction again (same hash, same nonce: it can be included once at most), until it is known
 * or the operation's deadline passes. Only a transaction still unknown then reaches the person, with its hash.
 */
final class TransactionSender {

    private static final int NONCE_RETRIES = 6;

    /** The calls to send, built and checked against the snapshot they will be signed on; throws a refusal. */
    interface Plan {
        List<Call> calls(WalletSnapshot snapshot);
    }

    /** The first pause before asking whether a transaction whose answer was lost arrived; it doubles up to the longest. */
    private static final Duration FIRST_ARRIVAL_CHECK = Duration.ofMillis(300);
    private static final Duration LONGEST_ARRIVAL_CHECK = Duration.ofSeconds(3);
    /** Sends of a transaction a provider refused with HTTP 429 (it never reached the node, so sending it again is safe). */
    private static final int RATE_LIMITED_SENDS = 3;

    private final SessionToken token;
    private final EndpointNetwork endpointNetwork;
    private final Endpoints endpoints;
    private final SnapshotReader reader;
    private final Optional<SessionStore> store;

    TransactionSender(SessionToken token, EndpointNetwork network, Endpoints endpoints, SnapshotReader reader, Optional<SessionStore> store) {
        this.token = token;
        this.endpointNetwork = network;
        this.endpoints = endpoints;
        this.reader = reader;
        this.store = store;
    }

    /** What these calls would cost on this snapshot (validation skipped, as the SDK does); a refusal is a wallet error. */
    FeeQuote quote(WalletSnapshot snapshot, List<Call> calls) {
        try {
            return estimate(snapshot, calls);
        } catch (RpcException.NodeError e) {
            throw ErrorTranslation.rejected(e);
        }
    }

    private FeeQuote estimate(WalletSnapshot snapshot, List<Call> calls) {
        return endpoints.read((url, rpc) -> estimateOn(rpc, url, snapshot, calls));
    }

    private FeeQuote estimateOn(RpcClient rpc, URI url, WalletSnapshot snapshot, List<Call> calls) {
        FeeEstimate estimate = rpc.estimateFee(List.of(SessionTransaction.estimateQuery(token, snapshot.nonce(), calls,
                snapshot.policy().allowedContractsRoot())), true, SnapshotReader.tag(url)).getFirst();
        return FeeBounds.quote(estimate);
    }

    TransactionOutcome send(Plan plan, boolean wait, Duration timeout, Progress progress) {
        for (int attempt = 1; ; attempt++) {
            progress.step("Checking the session and policy against the chain");
            Endpoints.Served<WalletSnapshot> served = reader.served();
            WalletSnapshot snapshot = served.value();
            // the endpoint whose chain and spec this read checked: the estimate and the transaction go there, and nowhere else
            URI endpoint = served.url();
            RpcClient rpc = served.rpc();
            Network network = snapshot.network();
            List<Call> calls = plan.calls(snapshot);
            progress.step("Estimating the fee");
            FeeQuote quote;
            try {
                quote = estimateOn(rpc, endpoint, snapshot, calls);
            } catch (RpcException.Transport e) {
                throw ErrorTranslation.unreachable(endpoint, e); // nothing was sent
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device's transaction landed meanwhile: read again, check again
                }
                throw ErrorTranslation.rejected(e);
            }
            Preflight.checkFunds(snapshot, token.walletAddress(), calls, quote.maxFee());
            InvokeV3 signed = SessionTransaction.sign(token, network.chainId(), snapshot.nonce(), calls, quote.bounds(),
                    snapshot.policy().allowedContractsRoot()); // proof groups as the chain's root demands, not the token's
            Felt hash = signed.hash(network.chainId());
            progress.step("Sending the transaction");
            // from the moment it is sent, settling a lost answer and waiting for the receipt share the timeout
            long deadline = Deadline.after(timeout);
            try {
                submit(signed, hash, rpc, endpoint, network, deadline, timeout, progress);
            } catch (WalletError e) {
                if (e.code() == WalletError.Code.TRANSACTION_UNCONFIRMED) {
                    record(hash, calls, snapshot); // it may have arrived: the log keeps it, to be looked up later
                }
                throw e;
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device used this nonce first: the transaction was refused, check again and re-sign
                }
                throw ErrorTranslation.rejected(e);
            }
            progress.submitted(hash);
            record(hash, calls, snapshot);
            countCalls(calls.size());
            Optional<TransactionReceipt> receipt = wait ? Optional.of(waitUntil(hash, deadline, timeout, progress)) : Optional.empty();
            return new TransactionOutcome(hash, calls.size(), quote.estimatedFee(), quote.maxFee(), receipt, network.explorerLink(hash));
        }
    }

    /**
     * Sends the signed transaction to the endpoint that served its chain data. Returns once the node has it; a node's
     * refusal is thrown as it is. A provider's HTTP 429 never reached the node, so the same transaction goes again
     * after a pause, a few times. A lost answer is settled here (see the class comment).
     */
    private void submit(InvokeV3 signed, Felt hash, RpcClient rpc, URI endpoint, Network network, long deadline, Duration timeout,
            Progress progress) {
        for (int sends = 1; ; sends++) {
            try {
                rpc.addInvokeTransaction(signed);
                return;
            } catch (RpcException.Transport e) {
                if (e.maybeDelivered()) {
                    progress.step("The answer was lost; asking whether the transaction arrived");
                    settleLostAnswer(signed, hash, rpc, network, e, deadline, timeout);
                    return;
                }
                boolean rateLimited = e.httpStatus().orElse(0) == 429;
                Duration pause = Duration.ofMillis(500L * sends);
                if (!rateLimited || sends >= RATE_LIMITED_SENDS || pause.compareTo(Deadline.left(deadline)) >= 0) {
                    throw ErrorTranslation.notSent(endpoint, e);
                }
                sleep(pause, () -> ErrorTranslation.notSent(endpoint, e));
            }
        }
    }

    /** Counts the calls sent with this key; the transaction is out whatever happens here, so a store that fails is passed over. */
    void countCalls(int calls) {
        try {
            store.ifPresent(s -> s.addCalls(token.sessionPublicKey(), calls));
        } catch (StoreException e) {
            // the count is a convenience: the chain does not count calls, and the transaction must not look failed
        }
    }

    /** Adds a sent transaction to the log of this installation; the transaction is out whatever happens here. */
    void record(Felt hash, List<Call> calls, WalletSnapshot snapshot) {
        store.ifPresent(s -> {
            try {
                SentLog.in(s.home()).add(new SentLog.Entry(hash, token.sessionPublicKey(), token.walletAddress(), Instant.now(),
                        CallSummary.of(calls, snapshot::token), SentLog.Status.PENDING, OptionalLong.empty(), Optional.empty(),
                        CallSummary.approvals(calls)));
            } catch (StoreException e) {
                // the log is a convenience: the chain keeps the transaction, and the send must not look failed
            }
        });
    }

    /** Notes in the log what became of a sent transaction; a log that cannot be written is passed over. */
    private void settled(TransactionReceipt receipt) {
        store.ifPresent(s -> {
            try {
                SentLog log = SentLog.in(s.home());
                if (log.entries().stream().anyMatch(e -> e.hash().equals(receipt.transactionHash()))) {
                    log.update(receipt.transactionHash(), receipt.isSucceeded() ? SentLog.Status.ACCEPTED : SentLog.Status.REVERTED,
                            OptionalLong.of(receipt.blockNumber()), receipt.revertReason());
                }
            } catch (StoreException e) {
                // as in record: the receipt is what counts
            }
        });
    }

    /** Polls for the receipt until {@code timeout} from now; a reverted transaction becomes the matching {@link WalletError}. */
    TransactionReceipt waitForReceipt(Felt hash, Duration timeout, Progress progress) {
        return waitUntil(hash, Deadline.after(timeout), timeout, progress);
    }

    TransactionReceipt waitUntil(Felt hash, long deadline, Duration timeout, Progress progress) {
        Network network = endpointNetwork.get();
        long pause = 200;
        RuntimeException unanswered = null;
        while (true) {
            TransactionReceipt receipt = null;
            try {
                receipt = Deadline.within(deadline, () -> endpoints.read((url, rpc) -> rpc.getTransactionReceipt(hash)));
            } catch (RpcException.NodeError e) {
                unanswered = e.is(StarknetErrorCode.TXN_HASH_NOT_FOUND) ? null : e;
            } catch (RpcException | WalletError e) {
                // the transaction was sent: a read that failed says nothing about it, so ask again until the deadline
                unanswered = e;
            }
            if (receipt != null) {
                settled(receipt);
                if (!receipt.isSucceeded()) {
                    throw ErrorTranslation.reverted(hash, receipt.revertReason().orElse("no reason given"));
                }
                progress.step("Accepted on L2 in block " + receipt.blockNumber());
                return receipt;
            }
            Duration left = Deadline.left(deadline);
            if (left.isZero()) {
                throw ErrorTranslation.notIncluded(hash, network, "Transaction " + hash.toHex() + " was sent but not yet included after "
                        + timeout.toSeconds() + " s" + (unanswered != null ? " (the last time it was asked for, no RPC endpoint answered)." : "."),
                        unanswered);
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrorTranslation.notIncluded(hash, network, "Stopped waiting for transaction " + hash.toHex() + ".", e);
            }
            pause = Math.min(3000, pause * 3 / 2);
        }
    }

    /**
     * The answer to the transaction was lost: it may have arrived. Any endpoint is asked, from the one that answered
     * last; while none knows it, the very same signed transaction goes again to the endpoint it first went to, never to
     * another, with pauses that double, until it is known to have arrived or the deadline passes. Returns once known;
     * throws the "may have been received" error, with the hash, when it is still unknown at the deadline.
     */
    private void settleLostAnswer(InvokeV3 signed, Felt hash, RpcClient first, Network network, RpcException.Transport lost,
            long deadline, Duration timeout) {
        Duration pause = FIRST_ARRIVAL_CHECK;
        while (true) {
            Duration left = Deadline.left(deadline);
            if (left.isZero()) {
                throw ErrorTranslation.maybeDelivered(hash, network, timeout, lost);
            }
            sleep(pause.compareTo(left) < 0 ? pause : left, () -> ErrorTranslation.maybeDelivered(hash, network, timeout, lost));
            if (Deadline.within(deadline, () -> arrived(hash))) {
                return;
            }
            if (Deadline.left(deadline).isZero()) {
                continue;
            }
            try {
                Deadline.within(deadline, () -> first.addInvokeTransaction(signed));
                return; // the node has it now
            } catch (RpcException.NodeError e) {
                if (e.is(StarknetErrorCode.DUPLICATE_TX)) {
                    return; // it had arrived
                }
                // refused now (its nonce used, say): whether the first copy is the one that used it, only asking can tell
            } catch (RpcException.Transport e) {
                // still no answer: ask again after a longer pause
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_ARRIVAL_CHECK) > 0 ? LONGEST_ARRIVAL_CHECK : pause.multipliedBy(2);
        }
    }

    /** Whether any endpoint knows the transaction. */
    private boolean arrived(Felt hash) {
        try {
            endpoints.read((url, rpc) -> rpc.getTransactionStatus(hash));
            return true;
        } catch (RpcException.NodeError e) {
            return false; // TXN_HASH_NOT_FOUND, or an endpoint that cannot tell: not known to have arrived
        } catch (WalletError e) {
            return false;
        }
    }

    /** Sleeps; an interruption ends the operation with the error {@code interrupted} gives, the thread's flag kept. */
    private static void sleep(Duration pause, java.util.function.Supplier<WalletError> interrupted) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted.get();
        }
    }

    /** The account's nonce moved on between reading it and using it: nothing was sent, so trying again is safe. */
    private static boolean isStaleNonce(RpcException.NodeError e) {
        return e.is(StarknetErrorCode.INVALID_TRANSACTION_NONCE)
                || e.revertReason().orElse(e.nodeMessage()).toLowerCase(Locale.ROOT).contains("invalid transaction nonce");
    }

    /** A short random pause, so two devices that collided do not collide again in lockstep. */
    private static void pauseBeforeRetry() {
        try {
            Thread.sleep(50 + ThreadLocalRandom.current().nextInt(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletError(WalletError.Code.TRANSACTION_REJECTED, "Interrupted while retrying: nothing was sent.", "",
                    new NextStep.TryAgain(), e);
        }
    }
}
