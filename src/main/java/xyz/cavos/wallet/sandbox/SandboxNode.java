package xyz.cavos.wallet.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/**
 * A local Starknet node with the Cavos account deployed: a real JSON-RPC 0.10 server on loopback, ERC-20s
 * at their mainnet addresses, a demo swap contract, and a dashboard that creates funded accounts with
 * registered sessions, and a SNIP-29 paymaster with its relayer account ({@link #paymaster()}). Start it
 * in-process, or with {@code cavos sandbox start}.
 */
public final class SandboxNode implements AutoCloseable {

    /** The sandbox's chain id: its own, so nothing signed for it is valid on a public network. */
    public static final Felt CHAIN_ID = Felt.fromShortString("SN_CAVOS_SANDBOX");
    /** The demo swap contract ({@code swap}, {@code get_quote}) at fixed prices. */
    public static final Felt DEMO_SWAP = Felt.parse("0x5a9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7");

    /** How to start: port (0 picks a free one) and an optional file the state is kept in. */
    public record Options(int port, Optional<Path> stateFile) {
        public static Options ephemeral() {
            return new Options(0, Optional.empty());
        }
    }

    private final Chain chain;
    private final SandboxServer server;
    /** What the relayer starts with, in STRK. */
    static final String RELAYER_FUNDS_STRK = "1000000";
    private final SecureRandom random = new SecureRandom();
    private final SandboxDashboard dashboard;
    private final SandboxPaymaster paymaster;
    private final Optional<Path> stateFile;
    private final Map<String, FaultPlan> faults = new ConcurrentHashMap<>();
    private volatile ProviderLimits limits = ProviderLimits.NONE;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SandboxNode(Options options, Clock clock) throws IOException {
        this.chain = new Chain(CHAIN_ID, clock);
        this.stateFile = options.stateFile();
        if (stateFile.isPresent() && Files.exists(stateFile.get())) {
            StateFile.read(chain, stateFile.get());
        } else {
            genesis();
        }
        deployRelayer();
        stateFile.ifPresent(file -> chain.onNewBlock(c -> StateFile.write(c, file)));
        this.dashboard = new SandboxDashboard(this, chain);
        byte[] key = new byte[16];
        random.nextBytes(key);
        this.paymaster = new SandboxPaymaster(chain, this::paymasterUri, HexFormat.of().formatHex(key));
        this.server = new SandboxServer(options.port(), new SandboxRpc(this, chain), new PaymasterRpc(paymaster, chain), this::faultsAt);
    }

    public static SandboxNode start() {
        return start(Options.ephemeral());
    }

    public static SandboxNode start(Options options) {
        return start(options, Clock.systemUTC());
    }

    static SandboxNode start(Options options, Clock clock) {
        try {
            return new SandboxNode(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the sandbox on port " + options.port() + ": " + e.getMessage(), e);
        }
    }

    private void genesis() {
        chain.deploy(world -> {
            for (Token token : Token.KNOWN) {
                WorldState.Erc20 erc20 = new WorldState.Erc20(token.name(), token.symbol(), token.decimals());
                world.tokens.put(token.address(), erc20);
            }
            world.swaps.add(DEMO_SWAP);
        });
        chain.createBlock();
        for (Token token : Token.KNOWN) {
            mint(DEMO_SWAP, token, U256.parseAmount(token == Token.ETH ? "1000" : "1000000", token.decimals()));
        }
    }

    /** The relayer (a plain account, funded with STRK) that submits the paymaster's transactions; kept across a state file. */
    private void deployRelayer() {
        chain.deploy(world -> {
            if (!world.accounts.containsKey(RelayerAccount.ADDRESS)) {
                world.accounts.put(RelayerAccount.ADDRESS, RelayerAccount.deployed());
                WorldState.Erc20 strk = world.tokens.get(Token.STRK.address());
                BigInteger funds = U256.parseAmount(RELAYER_FUNDS_STRK, Token.STRK.decimals()).value();
                strk.balances.put(RelayerAccount.ADDRESS, strk.balanceOf(RelayerAccount.ADDRESS).add(funds));
                strk.totalSupply = strk.totalSupply.add(funds);
            }
        });
    }

    /** The SNIP-29 paymaster at {@link #paymasterUri()}, with its test hooks. */
    public SandboxPaymaster paymaster() {
        return paymaster;
    }

    /** The paymaster's JSON-RPC endpoint: {@code http://127.0.0.1:PORT/paymaster}. */
    public URI paymasterUri() {
        return URI.create("http://127.0.0.1:" + server.port() + SandboxServer.PAYMASTER_PATH);
    }

    /** The key sponsored paymaster requests need in the {@code x-paymaster-api-key} header: 32 hex characters, new each start. */
    public String paymasterApiKey() {
        return paymaster.apiKey();
    }

    /** The paymaster's relayer account: the caller of the outside executions it builds, and who receives their fees. */
    public Felt relayerAddress() {
        return paymaster.relayerAddress();
    }

    /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:5050/rpc/v0_10}. */
    public URI rpcUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/rpc/v0_10");
    }

    public int port() {
        return server.port();
    }

    public SandboxDashboard dashboard() {
        return dashboard;
    }

    /** HTTP requests to the node so far (a batch is one; admin-only requests are not counted). */
    public long httpRequests() {
        return server.nodeRequests();
    }

    /**
     * How many JSON-RPC requests for {@code method} (alone or in a batch) arrived on paths starting with
     * {@code pathPrefix}, whether the node or an injected fault answered them. Admin methods are not counted.
     */
    public long requests(String pathPrefix, String method) {
        return server.counts().count(pathPrefix, method);
    }

    /** {@link #requests} for every exact path and method so far. */
    public Map<String, Map<String, Long>> requestCounts() {
        return server.counts().snapshot();
    }

    /** Changes the injected faults on every path (the {@code /} prefix); takes effect for the next request. */
    public void setFaults(FaultPlan plan) {
        setFaults("/", plan);
    }

    /**
     * Changes the injected faults for request paths starting with {@code pathPrefix} (e.g. {@code /gone});
     * the longest prefix set for a path decides. {@link FaultPlan#NONE} clears the prefix's faults.
     */
    public void setFaults(String pathPrefix, FaultPlan plan) {
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got " + pathPrefix);
        }
        if (plan.equals(FaultPlan.NONE)) {
            faults.remove(pathPrefix);
        } else {
            faults.put(pathPrefix, plan);
        }
    }

    /** The faults set for the {@code /} prefix. */
    public FaultPlan faults() {
        return faults("/");
    }

    /** The faults set for exactly this prefix. */
    public FaultPlan faults(String pathPrefix) {
        return faults.getOrDefault(pathPrefix, FaultPlan.NONE);
    }

    /** The faults a request to this path meets: those of the longest prefix set that it starts with. */
    public FaultPlan faultsAt(String path) {
        String longest = "";
        FaultPlan plan = FaultPlan.NONE;
        for (Map.Entry<String, FaultPlan> set : faults.entrySet()) {
            if (path.startsWith(set.getKey()) && set.getKey().length() > longest.length()) {
                longest = set.getKey();
                plan = set.getValue();
            }
        }
        return plan;
    }

    /** Behaves like a provider with these limits from the next request on. */
    public void setLimits(ProviderLimits value) {
        this.limits = value;
    }

    public ProviderLimits limits() {
        return limits;
    }

    /** Chain time: the timestamp the next block will carry. */
    public long chainTime() {
        return chain.now();
    }

    public void setTime(long unixSeconds) {
        chain.setTime(unixSeconds, true);
    }

    public void increaseTime(long seconds) {
        chain.increaseTime(seconds);
    }

    public long createBlock() {
        return chain.createBlock().number();
    }

    public long blockNumber() {
        return chain.latest().number();
    }

    /** Mints tokens to an address in a transaction of its own; returns its hash. */
    public Felt mint(Felt address, Token token, U256 amount) {
        return chain.systemTransaction(token.address(), execution -> {
            WorldState.Erc20 erc20 = execution.world.tokens.get(token.address());
            erc20.balances.put(address, erc20.balanceOf(address).add(amount.value()));
            erc20.totalSupply = erc20.totalSupply.add(amount.value());
            execution.emit(token.address(), List.of(Selector.of("Transfer"), Felt.ZERO, address), amount.toCalldata());
        });
    }

    /**
     * Deploys another ERC-20 (the sandbox's token contract) and returns it as a {@link Token}; its {@code symbol()} answers
     * a ByteArray when {@code byteArraySymbol}, else a short string (31 ASCII characters at most).
     */
    public Token deployToken(String name, String symbol, int decimals, boolean byteArraySymbol) {
        if (!byteArraySymbol) {
            Felt.fromShortString(symbol); // refused here rather than at every symbol() call
        }
        Felt address = Felt.of(Poseidon.hashMany(Felt.fromShortString("cavos-sandbox-token"), Felt.of(new BigInteger(248, random)))
                .value().mod(BigInteger.ONE.shiftLeft(251)));
        chain.deploy(world -> {
            WorldState.Erc20 erc20 = new WorldState.Erc20(name, symbol, decimals);
            erc20.byteArraySymbol = byteArraySymbol;
            world.tokens.put(address, erc20);
        });
        return new Token(symbol, name, address, decimals);
    }

    /** A token deployed in the sandbox, by address: its symbol, name and decimals as deployed. */
    public Optional<Token> token(Felt address) {
        return chain.read(world -> Optional.ofNullable(world.tokens.get(address))
                .map(t -> new Token(t.symbol, t.name, address, t.decimals)));
    }

    public BigInteger balanceOf(Felt address, Token token) {
        return chain.read(world -> world.tokens.get(token.address()).balanceOf(address));
    }

    public void dumpTo(Path file) {
        StateFile.write(chain, file);
    }

    public void loadFrom(Path file) {
        StateFile.read(chain, file);
        deployRelayer();
    }

    /** Stops the server and, with a state file, saves the chain. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop();
        stateFile.ifPresent(file -> StateFile.write(chain, file));
    }
}
