package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.RECIPIENT;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.SecretScan;

/**
 * Endpoint failover through the wallet, against one sandbox chain served on several paths, each path playing
 * a bad provider: gone, an HTML page, rate-limited, another chain, an old spec, no batches, a lost write answer.
 */
class EndpointFailoverIT {

    private static final String INVOKE = "starknet_addInvokeTransaction";

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    private String path(String prefix, FaultPlan faults) {
        node.setFaults(prefix, faults);
        return "http://127.0.0.1:" + node.port() + prefix + "/rpc/v0_10";
    }

    private String good() {
        return node.rpcUri().toString();
    }

    private WalletService wallet(String... urls) {
        return WalletService.connect(demo.token(), new ConnectionOptions(Optional.of("sandbox"), List.of(urls), Duration.ofSeconds(10)),
                Optional.empty());
    }

    /** The first endpoint is passed over, the sandbox behind it answers, and the next read goes straight there. */
    private void passesOver(String bad, String prefix) {
        try (WalletService wallet = wallet(bad, good())) {
            WalletSnapshot snapshot = wallet.snapshot();
            assertEquals("1000.0", snapshot.balance(Token.STRK.address()).orElseThrow().display());
            assertEquals(URI.create(good()), wallet.rpcUrl(), "the endpoint that answered is the one in use");
            long asked = node.requests(prefix, "starknet_chainId");
            wallet.snapshot();
            assertEquals(asked, node.requests(prefix, "starknet_chainId"), "the one that answered is remembered");
        }
    }

    @Test
    void aDiscontinuedEndpointIsPassedOver() {
        passesOver(path("/gone", FaultPlan.NONE.withGone()), "/gone");
        assertEquals(1, node.requests("/gone", "starknet_chainId"), "a 410 is not asked again");
    }

    @Test
    void anHtmlPageIsPassedOverWithoutRetrying() {
        passesOver(path("/parked", FaultPlan.NONE.withHtml()), "/parked");
        assertEquals(1, node.requests("/parked", "starknet_chainId"), "a page is not JSON however often it is asked");
    }

    @Test
    void aRateLimitedEndpointIsPassedOverAfterItsRetry() {
        passesOver(path("/busy", FaultPlan.NONE.withRateLimit(1)), "/busy");
        assertEquals(2, node.requests("/busy", "starknet_chainId"), "asked once more after Retry-After, then passed over");
    }

    @Test
    void anEndpointOnAnotherChainIsPassedOver() {
        passesOver(path("/mainnet", FaultPlan.NONE.withChainId(Felt.fromShortString("SN_MAIN"))), "/mainnet");
    }

    @Test
    void anEndpointOnAnOldSpecIsPassedOver() {
        passesOver(path("/old", FaultPlan.NONE.withSpecVersion("0.8.1")), "/old");
    }

    @Test
    void anEndpointRefusingBatchesIsPassedOverAndUsedCallByCallWhenNothingElseAnswers() {
        passesOver(path("/single", FaultPlan.NONE.withNoBatches()), "/single");
        String single = path("/single", FaultPlan.NONE.withNoBatches());
        try (WalletService wallet = wallet(single, path("/gone", FaultPlan.NONE.withGone()))) {
            WalletSnapshot snapshot = wallet.snapshot();
            assertEquals("1000.0", snapshot.balance(Token.STRK.address()).orElseThrow().display());
            assertEquals(URI.create(single), wallet.rpcUrl());
        }
    }

    @Test
    void whenNoEndpointAnswersEachIsNamedWithItsVerdict() {
        try (WalletService wallet = wallet(path("/gone", FaultPlan.NONE.withGone()), path("/parked", FaultPlan.NONE.withHtml()))) {
            WalletError error = assertThrows(WalletError.class, wallet::snapshot);
            assertEquals(WalletError.Code.NETWORK_UNREACHABLE, error.code());
            assertTrue(error.getMessage().contains("gone: ") && error.getMessage().contains("not-json: "), error.getMessage());
            assertInstanceOf(NextStep.SetRpcEndpoint.class, error.next());
        }
    }

    @Test
    void aTransactionWhoseAnswerIsLostGoesToNoOtherEndpointAndLandsOnce() {
        String lossy = path("/lossy", FaultPlan.NONE.withLostWriteReplies());
        U256 amount = U256.parseAmount("1.5", 18);
        try (WalletService wallet = wallet(lossy, good())) {
            Progress goesDown = new Progress() {
                @Override
                public void step(String message) {
                    if (message.contains("answer was lost")) {
                        node.setFaults("/lossy", FaultPlan.NONE.withGone()); // and then the first endpoint is gone too
                    }
                }
            };
            TransactionOutcome outcome = wallet.transfer(Token.STRK, RECIPIENT, amount, true, Duration.ofSeconds(20), goesDown);
            assertTrue(outcome.receipt().orElseThrow().isSucceeded());
        }
        assertEquals(amount.value(), node.balanceOf(RECIPIENT, Token.STRK), "sent exactly once");
        assertEquals(1, node.requests("/lossy", INVOKE));
        assertEquals(0, node.requests("/rpc", INVOKE), "the transaction never went to the second endpoint");
        assertTrue(node.requests("/rpc", "starknet_getTransactionStatus") >= 1, "whether it arrived was asked of the endpoint still up");
    }

    @Test
    void theEndpointThatAnsweredIsRememberedInTheSettingsAndAKeyedUrlStaysInTheKeychain() throws Exception {
        SecretScan.requireKeychain(sandbox.home()); // a path beyond /rpc/vX_Y may hold a key: it is kept in the keychain
        String gone = path("/gone", FaultPlan.NONE.withGone());
        NetworkSettings settings = NetworkSettings.open(sandbox.home());
        settings.setEndpoints(Network.SANDBOX, List.of(gone, good()));
        SessionStorage storage = SessionStorage.open(sandbox.home(), Optional.of("encrypted-file"), "unused"::toCharArray);
        try (WalletService wallet = WalletService.connect(demo.token(), ConnectionOptions.DEFAULT, Optional.of(storage))) {
            assertEquals(List.of(URI.create(gone), URI.create(good())), wallet.rpcUrls(), "the settings' list first, in order");
            wallet.snapshot();
            assertEquals(URI.create(good()), wallet.rpcUrl());
        }
        String config = Files.readString(sandbox.home().resolve("config.json"));
        assertTrue(config.contains("\"lastGood\"") && config.contains(xyz.cavos.wallet.store.NetworkConfig.fingerprint(URI.create(good()))),
                config);
        assertTrue(!config.contains("/gone") && config.contains("\"keychain\""), config);
        assertEquals(List.of("http://127.0.0.1:" + node.port(), good()),
                settings.endpoints(Network.SANDBOX).stream().map(NetworkSettings.Endpoint::shown).toList());
    }

    @Test
    void aSessionImportedWithAKeyedUrlPutsItFirstInTheListAndNotBesideTheSession() throws Exception {
        SecretScan.requireKeychain(sandbox.home());
        String keyed = "http://127.0.0.1:" + node.port() + "/v2/SECRETKEY/rpc/v0_10";
        SessionStorage storage = SessionStorage.open(sandbox.home(), Optional.of("encrypted-file"), "a test passphrase"::toCharArray);
        storage.save(demo.token(), Optional.of("sandbox"), Optional.of(keyed));
        storage.save(demo.token(), Optional.of("sandbox"), Optional.of(keyed)); // imported again: still listed once
        assertEquals(List.of("http://127.0.0.1:" + node.port(), "http://127.0.0.1:5050/rpc/v0_10"),
                NetworkSettings.open(sandbox.home()).endpoints(Network.SANDBOX).stream().map(NetworkSettings.Endpoint::shown).toList(),
                "first, before the defaults it was added to, shown without its path");
        assertEquals(List.of(URI.create(keyed), URI.create("http://127.0.0.1:5050/rpc/v0_10")), NetworkSettings.open(sandbox.home()).urls(Network.SANDBOX));
        for (String file : List.of("settings.json", "config.json")) {
            assertTrue(!Files.readString(sandbox.home().resolve(file)).contains("SECRETKEY"), file);
        }
    }

    @Test
    void aCheckGivesEachEndpointItsWord() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<URI> urls = java.util.stream.Stream.of(good(), path("/gone", FaultPlan.NONE.withGone()), path("/parked", FaultPlan.NONE.withHtml()),
                path("/busy", FaultPlan.NONE.withRateLimit(1)), path("/mainnet", FaultPlan.NONE.withChainId(Felt.fromShortString("SN_MAIN"))),
                path("/old", FaultPlan.NONE.withSpecVersion("0.8.1")), path("/single", FaultPlan.NONE.withNoBatches()),
                "http://127.0.0.1:" + closedPort + "/rpc/v0_10").map(URI::create).toList();
        List<EndpointReport> reports = EndpointCheck.run(Optional.of(Network.SANDBOX), urls, Duration.ofSeconds(5));
        assertEquals(List.of("ok", "gone", "not-json", "rate-limited", "wrong-chain", "old-spec", "ok", "unreachable"),
                reports.stream().map(r -> r.verdict().word()).toList());
        EndpointReport first = reports.getFirst();
        assertEquals(Optional.of("sandbox"), first.chain());
        assertEquals(Optional.of("0.10.2"), first.specVersion());
        assertEquals(Optional.of(true), first.batches());
        assertEquals(Optional.of(true), first.preConfirmed());
        assertTrue(first.latencyMillis().isPresent() && first.problem().isEmpty());
        assertEquals(Optional.of(false), reports.get(6).batches(), "answers, but a call at a time");
        assertEquals(Optional.of("mainnet"), reports.get(4).chain());
        assertTrue(reports.get(1).reachable() && !reports.get(7).reachable());
        assertTrue(reports.get(1).problem().orElseThrow().contains("410"), reports.get(1).problem().toString());
        assertEquals(1, node.requests("/busy", "starknet_specVersion"), "a check asks once: no retries");
    }

    /**
     * In front of the sandbox's {@code /first} path: drops the connection of the first transaction it is sent
     * without passing it on (so it never arrived), and passes everything else on.
     */
    private static final class DropsFirstWrite implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

        DropsFirstWrite(URI target) throws java.io.IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(INVOKE) && writes.incrementAndGet() == 1) {
                        return; // closed without an answer, and not passed on
                    }
                    var reply = http.send(java.net.http.HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(reply.statusCode(), reply.body().length);
                    exchange.getResponseBody().write(reply.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/v0_10";
        }

        @Override
        public void close() {
            server.stop(0);
            http.close();
        }
    }

    @Test
    void aTransactionThatNoEndpointKnowsIsSentAgainUnchangedToTheFirstEndpointOnly() throws Exception {
        U256 amount = U256.parseAmount("2", 18);
        try (DropsFirstWrite first = new DropsFirstWrite(URI.create(path("/first", FaultPlan.NONE)));
                WalletService wallet = wallet(first.url(), good())) {
            List<Felt> submitted = new java.util.ArrayList<>();
            Progress progress = new Progress() {
                @Override
                public void submitted(Felt hash) {
                    submitted.add(hash);
                }
            };
            TransactionOutcome outcome = wallet.transfer(Token.STRK, RECIPIENT, amount, true, Duration.ofSeconds(20), progress);
            assertTrue(outcome.receipt().orElseThrow().isSucceeded());
            assertEquals(List.of(outcome.transactionHash()), submitted);
            assertEquals(2, first.writes.get(), "the lost one, then the very same one again");
        }
        assertEquals(amount.value(), node.balanceOf(RECIPIENT, Token.STRK));
        assertEquals(1, node.requests("/first", INVOKE), "the second try is the one that arrived");
        assertEquals(0, node.requests("/rpc", INVOKE), "never sent to the second endpoint");
    }
}
