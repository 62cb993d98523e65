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
 * the receipt. A nonce another device used first is retried from the start (nothing was sent). A transaction
 * goes to one endpoint only, the one that served the chain data it was signed on; when the connection broke
 * while sending, any endpoint may be asked whether it arrived, and only that first endpoint is sent the very
 * same transaction again.
 */
final class TransactionSender {

    private static final int NONCE_RETRIES = 6;

    /** The calls to send, built and checked against the snapshot they will be signed on; throws a refusal. */
    interface Plan {
        List<Call> calls(WalletSnapshot snapshot);
    }

    /** How often, and after what pauses, any endpoint is asked whether a transaction whose answer was lost arrived. */
    private static final long[] ARRIVAL_CHECKS_MILLIS = {300, 700, 1500};

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
            try {
                rpc.addInvokeTransaction(signed);
            } catch (RpcException.NodeError e) {
                if (isStaleNonce(e) && attempt < NONCE_RETRIES) {
                    pauseBeforeRetry();
                    continue; // another device used this nonce first: the transaction was refused, check again and re-sign
                }
                throw ErrorTranslation.rejected(e);
            } catch (RpcException.Transport e) {
                if (!e.maybeDelivered()) {
                    throw ErrorTranslation.unreachable(endpoint, e);
                }
                progress.step("The answer was lost; asking whether the transaction arrived");
                settleLostAnswer(signed, hash, rpc, network, e);
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
                TransactionReceipt receipt = endpoints.read((url, rpc) -> rpc.getTransactionReceipt(hash));
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

    /**
     * The connection broke after the transaction left: it may have arrived. The endpoints are asked, from the one
     * that answered last, a few times; when the one that answers does not know it, the very same signed transaction (same hash, same nonce: it can land once at most) is
     * sent again to the endpoint it first went to, never to another. Returns once it is known to have arrived.
     */
    private void settleLostAnswer(InvokeV3 signed, Felt hash, RpcClient first, Network network, RpcException.Transport lost) {
        for (long pause : ARRIVAL_CHECKS_MILLIS) {
            sleep(pause, hash, network, lost);
            if (arrived(hash)) {
                return;
            }
        }
        try {
            first.addInvokeTransaction(signed);
        } catch (RpcException.NodeError e) {
            if (!e.is(StarknetErrorCode.DUPLICATE_TX)) {
                throw ErrorTranslation.maybeDelivered(hash, network, e);
            }
        } catch (RpcException.Transport e) {
            throw ErrorTranslation.maybeDelivered(hash, network, e);
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

    private static void sleep(long millis, Felt hash, Network network, Throwable cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorTranslation.maybeDelivered(hash, network, cause);
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
