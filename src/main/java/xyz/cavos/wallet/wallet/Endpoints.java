package xyz.cavos.wallet.wallet;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.store.NetworkConfig;

/**
 * A network's RPC endpoints in the order they are tried. A read goes to the endpoint that answered last and
 * moves on to the next when one is gone, answers with something that is not JSON, stays rate-limited past
 * its retries, cannot be reached, serves another chain or an older spec; one that refuses batches is used
 * (a call at a time) only when no other answers, and is never remembered. The endpoint that answered is
 * remembered. A write goes to the endpoint that served the read it was signed on ({@link #serve}).
 */
final class Endpoints implements AutoCloseable {

    /** Where the last good endpoint is remembered between runs (none: only in this process). */
    interface Memory {
        Optional<String> recall();

        void remember(String fingerprint);

        Memory NONE = new Memory() {
            @Override
            public Optional<String> recall() {
                return Optional.empty();
            }

            @Override
            public void remember(String fingerprint) {
            }
        };
    }

    /** Thrown by a read's work to pass an endpoint over: it serves another chain, or an older spec. */
    static final class Unusable extends RuntimeException {
        private final EndpointVerdict verdict;
        private final WalletError error;

        Unusable(EndpointVerdict verdict, WalletError error) {
            super(error.getMessage(), null, false, false);
            this.verdict = verdict;
            this.error = error;
        }
    }

    /** One endpoint; its client (an HTTP client, threads, maybe TLS) is made the first time it is tried. */
    private static final class Candidate {
        private final URI url;
        private final Duration requestTimeout;
        private final int retries;
        private RpcClient rpc;

        Candidate(URI url, Duration requestTimeout, int retries) {
            this.url = url;
            this.requestTimeout = requestTimeout;
            this.retries = retries;
        }

        URI url() {
            return url;
        }

        String shown() {
            return EndpointCheck.shown(url);
        }

        synchronized RpcClient rpc() {
            if (rpc == null) {
                rpc = client(url, requestTimeout, retries);
            }
            return rpc;
        }

        synchronized long roundTrips() {
            return rpc == null ? 0 : rpc.roundTrips();
        }

        synchronized void close() {
            if (rpc != null) {
                rpc.close();
            }
        }
    }

    /** The last good endpoint of each list in this process, by the list. */
    private static final Map<List<URI>, URI> LAST_GOOD = new ConcurrentHashMap<>();

    private final List<URI> urls;
    private final List<Candidate> candidates;
    private final String networkName;
    private final Memory memory;
    private volatile int current;
    private volatile boolean closed;
    /** The fingerprint the memory holds, read once when the list was made. */
    private volatile Optional<String> remembered = Optional.empty();

    /** A read's answer and the endpoint that gave it. */
    record Served<T>(T value, URI url, RpcClient rpc) {
    }

    Endpoints(List<URI> urls, String networkName, Duration requestTimeout, Memory memory) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no endpoints");
        }
        this.urls = List.copyOf(urls);
        this.networkName = networkName;
        this.memory = memory;
        List<Candidate> built = new ArrayList<>();
        for (URI url : this.urls) {
            // with others to move on to, a rate-limited endpoint is asked once more, not three times
            built.add(new Candidate(url, requestTimeout, this.urls.size() > 1 ? 1 : 3));
        }
        this.candidates = List.copyOf(built);
        URI last = LAST_GOOD.get(this.urls);
        int start = last != null ? this.urls.indexOf(last) : -1;
        if (this.urls.size() > 1) {
            try {
                remembered = memory.recall();
            } catch (RuntimeException e) {
                // nothing remembered that can be read: start at the top
            }
        }
        if (start < 0) {
            start = remembered.map(f -> indexOf(f)).orElse(0);
        }
        this.current = Math.max(0, start);
    }

    private int indexOf(String fingerprint) {
        for (int i = 0; i < urls.size(); i++) {
            if (NetworkConfig.fingerprint(urls.get(i)).equals(fingerprint)) {
                return i;
            }
        }
        return 0;
    }

    static RpcClient client(URI url, Duration requestTimeout, int retries) {
        try {
            return RpcClient.builder(url).requestTimeout(requestTimeout).maxRetries(retries).build();
        } catch (IllegalArgumentException e) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage(), "", new NextStep.SetRpcEndpoint(Optional.empty()));
        }
    }

    List<URI> urls() {
        return urls;
    }

    URI currentUrl() {
        return candidates.get(current).url();
    }

    long roundTrips() {
        return candidates.stream().mapToLong(Candidate::roundTrips).sum();
    }

    @Override
    public void close() {
        closed = true;
        candidates.forEach(Candidate::close);
    }

    /** Runs a read on the endpoint that answered last, moving on down the list while endpoints fail. */
    <T> T read(BiFunction<URI, RpcClient, T> work) {
        return serve(work).value();
    }

    /** {@link #read}, saying which endpoint answered. */
    <T> Served<T> serve(BiFunction<URI, RpcClient, T> work) {
        if (closed) {
            throw new WalletError(WalletError.Code.NETWORK_ERROR, "This connection to the network was closed.", "",
                    new NextStep.TryAgain());
        }
        Failures failures = new Failures();
        int first = current;
        for (int step = 0; step < candidates.size(); step++) {
            int index = (first + step) % candidates.size();
            Optional<Answer<T>> answer = attempt(index, work, failures);
            if (answer.isPresent()) {
                answered(index);
                return served(answer.get(), index);
            }
        }
        for (int index : failures.batchless) {
            candidates.get(index).rpc().sendBatchesOneByOne(); // the last resort: a call at a time, not remembered
            Optional<Answer<T>> answer = attempt(index, work, failures);
            if (answer.isPresent()) {
                return served(answer.get(), index);
            }
        }
        throw ErrorTranslation.noEndpointAnswered(networkName, failures.reasons, failures.allLocalAndDown, failures.last);
    }

    private <T> Served<T> served(Answer<T> answer, int index) {
        Candidate candidate = candidates.get(index);
        return new Served<>(answer.value(), candidate.url(), candidate.rpc());
    }

    /** Why the endpoints tried so far were passed over. */
    private static final class Failures {
        final List<String> reasons = new ArrayList<>();
        final List<Integer> batchless = new ArrayList<>();
        boolean allLocalAndDown = true;
        Throwable last;
    }

    /** What an endpoint answered (which may be null). */
    private record Answer<T>(T value) {
    }

    /** One endpoint's try: its answer, or empty with the reason recorded. A lone endpoint's failure is thrown as it is. */
    private <T> Optional<Answer<T>> attempt(int index, BiFunction<URI, RpcClient, T> work, Failures failures) {
        Candidate candidate = candidates.get(index);
        boolean alone = candidates.size() == 1;
        try {
            return Optional.of(new Answer<>(work.apply(candidate.url(), candidate.rpc())));
        } catch (RpcException.Transport e) {
            boolean refusedBatch = e.kind() == RpcException.Transport.Kind.BATCH_REFUSED && !failures.batchless.contains(index);
            if (refusedBatch) {
                failures.batchless.add(index);
                failures.reasons.add("refuses batches: " + candidate.shown());
                return Optional.empty();
            }
            if (alone || e.kind() == RpcException.Transport.Kind.INTERRUPTED) {
                throw ErrorTranslation.unreachable(candidate.url(), e);
            }
            failures.allLocalAndDown &= e.kind() == RpcException.Transport.Kind.UNREACHABLE && ErrorTranslation.isLoopback(candidate.url());
            failures.last = e;
            failures.reasons.add(EndpointVerdict.of(e).word() + ": " + e.getMessage());
        } catch (Unusable e) {
            if (alone) {
                throw e.error;
            }
            failures.allLocalAndDown = false;
            failures.last = e.error;
            failures.reasons.add(e.verdict.word() + ": " + e.error.getMessage());
        }
        return Optional.empty();
    }

    private void answered(int index) {
        if (index != current || !urls.get(index).equals(LAST_GOOD.get(urls))) {
            current = index;
            LAST_GOOD.put(urls, urls.get(index));
            if (urls.size() > 1) {
                String fingerprint = NetworkConfig.fingerprint(urls.get(index));
                if (!remembered.filter(fingerprint::equals).isPresent()) {
                    try {
                        memory.remember(fingerprint);
                        remembered = Optional.of(fingerprint);
                    } catch (RuntimeException e) {
                        // remembering is a convenience: the read succeeded
                    }
                }
            }
        }
    }
}
