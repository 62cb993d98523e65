package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import xyz.cavos.wallet.starknet.Block;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcBatch;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.RpcRequest;
import xyz.cavos.wallet.store.NetworkConfig;

/**
 * Asks each endpoint of a list, all at once, what a wallet needs to know: does it answer, which chain, which
 * spec version, how fast, does it take batches and the {@code pre_confirmed} block. Each endpoint gets one
 * try per question (no retries), so a rate-limited or dead one shows as such at once.
 */
public final class EndpointCheck {

    /** How long a check waits for each answer of an endpoint (it asks each up to four questions, one after another). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The endpoints of one network, checked. */
    public record Result(Optional<String> network, List<EndpointReport> endpoints) {
        public Result {
            endpoints = List.copyOf(endpoints);
        }

        /** Whether at least one endpoint can be used. */
        public boolean anyOk() {
            return endpoints.stream().anyMatch(EndpointReport::ok);
        }
    }

    private EndpointCheck() {
    }

    /**
     * Checks the endpoints the wallet would use without a session: those in the options, else the settings'
     * list for the options' network, the stored session's, the one chosen in the settings, or mainnet; else its
     * defaults.
     */
    public static Result configured(ConnectionOptions options, Optional<SessionStorage> storage, Duration timeout) {
        EndpointResolver.Endpoint endpoint = EndpointResolver.configured(options, storage.map(SessionStorage::store));
        try {
            Optional<Network> network = endpoint.network().isNamed() ? Optional.of(endpoint.network().get()) : Optional.empty();
            return new Result(network.map(Network::name), run(network, endpoint.endpoints().urls(), timeout));
        } finally {
            endpoint.endpoints().close();
        }
    }

    /** Checks these endpoints of a network (empty: any chain is right), in parallel. */
    public static List<EndpointReport> run(Optional<Network> expected, List<URI> urls, Duration timeout) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<EndpointReport>> pending = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                int position = i + 1;
                URI url = urls.get(i);
                pending.add(pool.submit(() -> check(position, url, expected, timeout)));
            }
            List<EndpointReport> reports = new ArrayList<>();
            for (Future<EndpointReport> report : pending) {
                reports.add(report.get());
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletError(WalletError.Code.NETWORK_ERROR, "The check was stopped.", "", NextStep.NONE, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an endpoint check failed unexpectedly", e.getCause());
        }
    }

    /**
     * How an endpoint is shown: in full when its URL holds nothing secret or is one of the public defaults, else
     * scheme, host and port.
     */
    public static String shown(URI url) {
        return NetworkConfig.holdsSecret(url) && !NetworkSettings.isPublicDefault(url) ? RpcClient.shown(url) : url.toString();
    }

    private static EndpointReport check(int position, URI url, Optional<Network> expected, Duration timeout) {
        String shown = shown(url);
        try (RpcClient rpc = RpcClient.builder(url).connectTimeout(min(timeout, Duration.ofSeconds(5))).requestTimeout(timeout)
                .maxRetries(0).build()) {
            long started = System.nanoTime();
            String spec;
            try {
                spec = rpc.specVersion();
            } catch (RpcException.Transport e) {
                return failed(position, shown, e);
            } catch (RpcException.NodeError e) {
                return new EndpointReport(position, shown, true, Optional.empty(), Optional.empty(), elapsed(started), Optional.empty(),
                        Optional.empty(), EndpointVerdict.OLD_SPEC, Optional.of("It does not answer starknet_specVersion."));
            }
            OptionalLong latency = elapsed(started);
            Optional<Boolean> batches;
            Felt chainId;
            try {
                RpcBatch batch = rpc.newBatch();
                RpcBatch.Result<Felt> chain = batch.add(RpcRequest.chainId());
                batch.add(RpcRequest.specVersion());
                batch.send();
                chainId = chain.get();
                batches = Optional.of(true);
            } catch (RpcException.Transport e) {
                if (e.kind() != RpcException.Transport.Kind.BATCH_REFUSED) {
                    return failed(position, shown, e);
                }
                batches = Optional.of(false);
                try {
                    chainId = rpc.chainId();
                } catch (RpcException.Transport again) {
                    return failed(position, shown, again);
                } catch (RpcException.NodeError again) {
                    return refused(position, shown, latency, again);
                }
            } catch (RpcException.NodeError e) {
                return refused(position, shown, latency, e);
            }
            Optional<Boolean> preConfirmed;
            try {
                Block block = rpc.getBlockWithTxHashes(BlockId.PRE_CONFIRMED);
                preConfirmed = Optional.of(block != null);
            } catch (RpcException.NodeError e) {
                preConfirmed = Optional.of(false);
            } catch (RpcException.Transport e) {
                preConfirmed = Optional.empty();
            }
            String chain = RpcException.Transport.shortened(ContractNames.describeChain(chainId));
            EndpointVerdict verdict = EndpointVerdict.OK;
            Optional<String> problem = Optional.empty();
            if (expected.isPresent() && !expected.get().chainId().equals(chainId)) {
                verdict = EndpointVerdict.WRONG_CHAIN;
                problem = Optional.of("It serves " + chain + ", not " + expected.get().name() + ".");
            } else if (!SpecVersion.supported(spec)) {
                verdict = EndpointVerdict.OLD_SPEC;
                problem = Optional.of("It speaks JSON-RPC " + RpcException.Transport.shortened(spec) + "; 0.10 or later is needed.");
            }
            return new EndpointReport(position, shown, true, Optional.of(chain), Optional.of(RpcException.Transport.shortened(spec)), latency,
                    batches, preConfirmed, verdict, problem);
        } catch (RpcException.Transport e) {
            return failed(position, shown, e);
        }
    }

    private static EndpointReport failed(int position, String shown, RpcException.Transport e) {
        EndpointVerdict verdict = EndpointVerdict.of(e);
        boolean reachable = verdict != EndpointVerdict.UNREACHABLE || e.httpStatus().isPresent();
        return new EndpointReport(position, shown, reachable, Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), verdict, Optional.of(e.getMessage()));
    }

    /** It answered, but not with a chain id: not a Starknet node a wallet can use. */
    private static EndpointReport refused(int position, String shown, OptionalLong latency, RpcException.NodeError e) {
        return new EndpointReport(position, shown, true, Optional.empty(), Optional.empty(), latency, Optional.empty(), Optional.empty(),
                EndpointVerdict.REFUSED, Optional.of("It refused starknet_chainId: " + RpcException.Transport.shortened(e.nodeMessage()) + "."));
    }

    private static OptionalLong elapsed(long started) {
        return OptionalLong.of((System.nanoTime() - started) / 1_000_000);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
