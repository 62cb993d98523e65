package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.store.NetworkConfig;

/** The rules that decide which endpoints are tried, how they are shown and what spec they must speak. */
class EndpointRulesTest {

    @Test
    void noDiscontinuedEndpointIsADefaultAndCartridgeComesFirst() {
        for (Network network : List.of(Network.MAINNET, Network.SEPOLIA)) {
            assertTrue(network.defaultRpcUrls().getFirst().toString().startsWith("https://api.cartridge.gg/x/starknet/" + network.name()),
                    network.defaultRpcUrls().toString());
            assertTrue(network.defaultRpcUrls().size() > 1, "a dead default must not leave the network without an endpoint");
            assertTrue(network.defaultRpcUrls().stream().noneMatch(u -> u.getHost().contains("lava")), network.defaultRpcUrls().toString());
        }
    }

    @Test
    void flagsBeatTheListInTheEnvironmentWhichBeatsTheSingleUrl() {
        Map<String, String> env = Map.of("CAVOS_RPC_URLS", " https://a.example/rpc/v0_10, ,https://b.example ", "CAVOS_RPC_URL", "https://c.example");
        assertEquals(List.of("https://a.example/rpc/v0_10", "https://b.example"),
                ConnectionOptions.of(Optional.empty(), List.of(), env, Duration.ofSeconds(1)).rpcUrls());
        assertEquals(List.of("https://d.example", "https://e.example"),
                ConnectionOptions.of(Optional.empty(), List.of("https://d.example", "https://e.example"), env, Duration.ofSeconds(1)).rpcUrls());
        assertEquals(List.of("https://c.example"),
                ConnectionOptions.of(Optional.empty(), List.of(), Map.of("CAVOS_RPC_URL", "https://c.example"), Duration.ofSeconds(1)).rpcUrls());
    }

    @Test
    void aUrlWithAnythingBeyondAPlainVersionPathMayHoldAKey() {
        for (String plain : List.of("https://rpc.example", "https://rpc.example/", "https://rpc.example/rpc/v0_10", "http://127.0.0.1:5050/rpc/v0_10")) {
            assertFalse(NetworkConfig.holdsSecret(URI.create(plain)), plain);
        }
        for (String keyed : List.of("https://starknet-mainnet.g.alchemy.com/starknet/version/rpc/v0_10/KEY", "https://rpc.example/v2/KEY",
                "https://rpc.example/rpc/v0_10?apikey=KEY", "https://user:KEY@rpc.example/rpc/v0_10")) {
            URI url = URI.create(keyed);
            assertTrue(NetworkConfig.holdsSecret(url), keyed);
            assertFalse(EndpointCheck.shown(url).contains("KEY"), EndpointCheck.shown(url));
        }
        assertEquals("https://rpc.example:8443", EndpointCheck.shown(URI.create("https://rpc.example:8443/v2/KEY")));
        URI cartridge = Network.MAINNET.defaultRpcUrls().getFirst();
        assertTrue(NetworkConfig.holdsSecret(cartridge), "by its path alone it could hold a key");
        assertEquals(cartridge.toString(), EndpointCheck.shown(cartridge), "a public default is shown in full");
    }

    @Test
    void theWalletSpeaksSpecTenAndLater() {
        assertTrue(SpecVersion.supported("0.10.2"));
        assertTrue(SpecVersion.supported("0.10.0-rc.1"));
        assertTrue(SpecVersion.supported("0.11.0"));
        assertTrue(SpecVersion.supported("1.0.0"));
        assertFalse(SpecVersion.supported("0.9.0"));
        assertFalse(SpecVersion.supported("0.8.1"));
        assertFalse(SpecVersion.supported("v0_10"));
        assertFalse(SpecVersion.supported(""));
    }

    @Test
    void endpointListsAreBounded() {
        List<String> many = java.util.stream.IntStream.range(0, EndpointResolver.MAX_ENDPOINTS + 1).mapToObj(i -> "https://r" + i + ".example").toList();
        assertTrue(assertThrows(WalletError.class, () -> EndpointResolver.parseAll(many)).getMessage().contains("Too many"));
        String longUrl = "https://rpc.example/" + "a".repeat(EndpointResolver.MAX_URL_LENGTH);
        assertTrue(assertThrows(WalletError.class, () -> EndpointResolver.parseUrl(longUrl)).getMessage().contains("longer than"));
        assertEquals(WalletError.Code.INVALID_ARGUMENT, assertThrows(WalletError.class, () -> EndpointResolver.parseUrl("ftp://rpc.example")).code());
        assertEquals(List.of(URI.create("https://a.example")), EndpointResolver.parseAll(List.of("https://a.example", " https://a.example")),
                "the same endpoint twice is tried once");
    }
}
