package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.FeeEstimate;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.StarknetErrorCode;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.store.SessionStore;

/**
 * Every write goes through here: fresh chain data, the caller's checks, a fee estimate, signing, sending and
 * the receipt. A nonce another device used first is retried from the start (nothing was sent); a connection
 * that broke while sending is never retried, since the transaction may have arrived.
 */
final class TransactionSender {

    private static final int NONCE_RETRIES = 6;

    /** The calls to send, built and checked against the snapshot they will be signed on; throws a refusal. */
    interface Plan {
        List<Call> calls(WalletSnapshot snapshot);
    }

    private final SessionToken token;
    private final EndpointNetwork endpointNetwork;
    private final URI endpoint;
    private final RpcClient rpc;
    private final SnapshotReader reader;
    private final Optional<SessionStore> store;

    TransactionSender(SessionToken token, EndpointNetwork network, URI endpoint, RpcClient rpc, SnapshotReader reader, Optional<SessionStore> store) {
        this.token = token;
        this.endpointNetwork = network;
        this.endpoint = endpoint;
        this.rpc = rpc;
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
        FeeEstimate estimate = ErrorTranslation.guard(endpoint, () -> rpc.estimateFee(List.of(SessionTransaction.estimateQuery(token,
                snapshot.nonce(), calls, snapshot.policy().allowedContractsRoot())), true, reader.tag()).getFirst());
        return FeeBounds.quote(estimate);
    }

    TransactionOutcome send(Plan plan, boolean wait, Duration timeout, Progress progress) {
        for (int attempt = 1; ; attempt++) {
            progress.step("Checking the session and policy against the chain");
            WalletSnapshot snapshot = reader.read();
            Network network = snapshot.network();
            List<Call> calls = plan.calls(snapshot);
            progress.step("Estimating the fee");
            FeeQuote quote;
            try {
                quote = estimate(snapshot, calls);
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
            try {
                rpc.addInvokeTransaction(signed);
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device used this nonce first: the transaction was refused, check again and re-sign
                }
                throw ErrorTranslation.rejected(e);
            } catch (RpcException.Transport e) {
                throw e.maybeDelivered() ? ErrorTranslation.maybeDelivered(hash, network, e) : ErrorTranslation.unreachable(endpoint, e);
            }
            progress.submitted(hash);
            store.ifPresent(s -> s.addCalls(token.sessionPublicKey(), calls.size()));
            Optional<TransactionReceipt> receipt = wait ? Optional.of(waitForReceipt(hash, timeout, progress)) : Optional.empty();
            return new TransactionOutcome(hash, calls.size(), quote.estimatedFee(), quote.maxFee(), receipt, network.explorerLink(hash));
        }
    }

    /** Polls for the receipt; a reverted transaction becomes the matching {@link WalletError}. */
    TransactionReceipt waitForReceipt(Felt hash, Duration timeout, Progress progress) {
        Network network = endpointNetwork.get();
        Instant deadline = Instant.now().plus(timeout);
        long pause = 200;
        while (true) {
            try {
                TransactionReceipt receipt = ErrorTranslation.guard(endpoint, () -> rpc.getTransactionReceipt(hash));
                if (!receipt.isSucceeded()) {
                    throw ErrorTranslation.reverted(hash, receipt.revertReason().orElse("no reason given"));
                }
                progress.step("Accepted on L2 in block " + receipt.blockNumber());
                return receipt;
            } catch (RpcException.NodeError e) {
                if (!e.is(StarknetErrorCode.TXN_HASH_NOT_FOUND)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw ErrorTranslation.notIncluded(hash, network, "Transaction " + hash.toHex() + " was sent but not yet included after "
                        + timeout.toSeconds() + " s.", null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrorTranslation.notIncluded(hash, network, "Stopped waiting for transaction " + hash.toHex() + ".", e);
            }
            pause = Math.min(3000, pause * 3 / 2);
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
