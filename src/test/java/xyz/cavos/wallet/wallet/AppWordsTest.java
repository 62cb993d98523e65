package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.InvalidTokenException;
import xyz.cavos.wallet.cavos.OnChainSession;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.RpcException;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.StoreException;
import xyz.cavos.wallet.ui.AppShell;
import xyz.cavos.wallet.ui.NextStepInTheApp;
import xyz.cavos.wallet.ui.WalletModel;

/**
 * Every error the wallet raises, as the app shows it, in the app's words: no command, no flag. Each sample is
 * made by the code that makes it for real; every error code has one, or is raised by the command line alone.
 */
class AppWordsTest {

    /** Raised only while the command line parses its own arguments; the app has its own fields and checks. */
    private static final Set<WalletError.Code> COMMAND_LINE_ONLY = EnumSet.of(WalletError.Code.NO_SESSION,
            WalletError.Code.INVALID_AMOUNT, WalletError.Code.INVALID_ADDRESS, WalletError.Code.UNKNOWN_TOKEN,
            WalletError.Code.UNEXPECTED);

    private static final long NOW = 1_800_000_000L;
    private static final Felt WALLET = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final Felt HASH = Felt.parse("0x7d3f1c0a5b6e4d2f8a9c1b3e5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b0d2");
    private static final SessionPolicy POLICY = new SessionPolicy(List.of(Token.STRK.address()),
            List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18))), 2);
    private static final SessionToken TOKEN = SessionToken.builder(Felt.of(0xabc), WALLET)
            .validity(NOW - 3600, NOW + 3600 * 20, NOW + 3600 * 20 + CavosAccount.RENEWAL_GRACE_SECONDS)
            .randomness(Felt.of(9)).policy(Optional.of(POLICY)).build();

    @Test
    void noErrorTheAppShowsNamesACommandOrAFlag() {
        List<WalletError> samples = samples();
        Set<WalletError.Code> covered = EnumSet.noneOf(WalletError.Code.class);
        for (WalletError e : samples) {
            covered.add(e.code());
            String shown = WalletModel.problemText(e);
            assertFalse(shown.contains("cavos "), e.code() + " shows: " + shown);
            assertFalse(shown.contains("--"), e.code() + " shows: " + shown);
            assertTrue(shown.startsWith(e.getMessage()), shown);
            assertFalse(shown.matches("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*"), e.code() + " names a class: " + shown);
        }
        Set<WalletError.Code> missing = EnumSet.allOf(WalletError.Code.class);
        missing.removeAll(covered);
        missing.removeAll(COMMAND_LINE_ONLY);
        assertEquals(Set.of(), missing, "error codes with no sample here: add one for each");
    }

    @Test
    void stepsWithAScreenOfferTheScreen() {
        assertTrue(NextStepInTheApp.of(new NextStep.RenewSession(NOW)).screen().isPresent());
        assertTrue(NextStepInTheApp.of(new NextStep.SeePolicy()).screen().isPresent());
        assertTrue(NextStepInTheApp.of(new NextStep.ImportSession()).screen().isPresent());
        assertTrue(NextStepInTheApp.of(new NextStep.SeeSession()).screen().isPresent());
        for (NextStep endpoint : List.of(new NextStep.SetRpcEndpoint(Optional.empty()), new NextStep.SetRpcEndpoint(Optional.of("sepolia")),
                new NextStep.CheckConnection(), new NextStep.ChooseNetwork())) {
            NextStepInTheApp.Guidance guidance = NextStepInTheApp.of(endpoint);
            assertEquals(Optional.of(AppShell.Screen.SETTINGS), guidance.screen(), endpoint + ": endpoints are chosen in Settings");
            assertTrue(guidance.link().startsWith("Open Settings to choose "), guidance.link());
        }
        assertEquals("Open Policy usage", NextStepInTheApp.of(new NextStep.SeePolicy()).link());
    }

    private static List<WalletError> samples() {
        List<WalletError> all = new ArrayList<>();
        all.add(WalletError.explain(new InvalidTokenException("The session token is not valid JSON.")).orElseThrow());
        all.add(ErrorTranslation.notAToken(Token.USDC.address(), "it does not answer symbol(), decimals() and balanceOf() as an ERC-20 does"));
        for (SessionState state : List.of(SessionState.NOT_REGISTERED, SessionState.REVOKED, SessionState.NOT_YET_ACTIVE,
                SessionState.EXPIRED_RENEWABLE, SessionState.EXPIRED)) {
            all.add(ErrorTranslation.sessionUnusable(status(state)));
        }
        for (SessionState state : List.of(SessionState.ACTIVE, SessionState.EXPIRED, SessionState.NOT_REGISTERED)) {
            all.add(caught(() -> {
                SessionRenewal.requireRenewable(status(state));
                return null;
            }));
        }
        for (RevertReason reason : RevertReason.values()) {
            all.add(ErrorTranslation.refusal("Transaction execution has failed: " + reason.text(), false, null));
            all.add(ErrorTranslation.reverted(HASH, "Error in the called contract: " + reason.text()));
        }
        all.add(ErrorTranslation.refusal("ERC20: insufficient balance", false, null));
        all.add(ErrorTranslation.refusal("something else", false, null));
        all.add(ErrorTranslation.reverted(HASH, "something else"));
        all.add(ErrorTranslation.notIncluded(HASH, Network.MAINNET, "Transaction was sent but not yet included after 120 s.", null));
        all.add(ErrorTranslation.notIncluded(HASH, Network.SANDBOX, "Stopped waiting.", null));
        RpcException.Transport refused = refusedConnection();
        all.add(ErrorTranslation.maybeDelivered(HASH, Network.SEPOLIA, java.time.Duration.ofSeconds(120), refused));
        all.add(ErrorTranslation.notSent(URI.create("http://127.0.0.1:9/rpc/v0_10"), refused));
        all.add(ErrorTranslation.transactionNotFound(HASH, Network.SANDBOX));
        all.add(ErrorTranslation.noAccount(WALLET, Network.SEPOLIA));
        all.add(ErrorTranslation.callFailed(Token.STRK.address(), "ENTRYPOINT_NOT_FOUND"));
        all.add(ErrorTranslation.connectionFailed(URI.create("http://127.0.0.1:5050/rpc/v0_10"), true, "Could not reach 127.0.0.1:5050.", null));
        all.add(ErrorTranslation.connectionFailed(URI.create("https://rpc.example/rpc/v0_10"), true, "Could not reach rpc.example.", null));
        all.add(ErrorTranslation.connectionFailed(URI.create("https://rpc.example/rpc/v0_10"), false, "HTTP 503 from rpc.example.", null));
        all.add(ErrorTranslation.networkNotFound(List.of("mainnet: not registered", "sepolia: not registered")));
        all.add(ErrorTranslation.chainMismatch("https://rpc.example", Felt.fromShortString("SN_SEPOLIA"), Network.MAINNET));
        for (var options : List.of(new ConnectionOptions(Optional.of("moon"), Optional.empty(), java.time.Duration.ofSeconds(1)),
                new ConnectionOptions(Optional.empty(), Optional.of("ftp://rpc.example"), java.time.Duration.ofSeconds(1)))) {
            all.add(caught(() -> EndpointResolver.resolve(TOKEN, options, Optional.empty())));
        }
        for (List<Call> calls : preflightRefusals()) {
            all.add(caught(() -> {
                Preflight.check(TOKEN, active(), calls);
                return null;
            }));
        }
        all.add(caught(() -> {
            Preflight.checkFunds(active(), WALLET, List.of(), U256.parseAmount("5000", 18).value());
            return null;
        }));
        all.add(caught(() -> {
            SessionRenewal.requireReadable(new ChainPolicy(Felt.ZERO, 5, List.of(), false, Optional.of("the RPC provider did not answer"
                    + " the storage reads")));
            return null;
        }));
        all.add(SessionRenewal.alreadyRenewed(Felt.of(0x5e55)));
        SessionToken unlisted = SessionToken.builder(Felt.of(0xabd), WALLET).validity(NOW - 3600, NOW + 3600, NOW + 7200)
                .randomness(Felt.of(9)).policy(Optional.of(new SessionPolicy(List.of(Token.ETH.address()), List.of(), 2))).build();
        all.add(caught(() -> {
            Preflight.check(unlisted, active(), List.of(new Call(Token.STRK.address(), Preflight.TRANSFER, List.of())));
            return null;
        }));
        for (StoreException.Reason reason : StoreException.Reason.values()) {
            all.add(ErrorTranslation.stored(new StoreException(reason, "The keychain said no.", "Unlock your keychain and try again.")));
        }
        all.addAll(addressBookSamples());
        all.addAll(paymasterSamples());
        all.add(new WalletError(WalletError.Code.UNEXPECTED, "Something unexpected went wrong; the details are in the log.", "",
                new NextStep.Report(Path.of("cavos.log"))));
        return all;
    }

    /** Each paymaster failure: its refusals and outages, a key refused, and typed data the review turns down. */
    private static List<WalletError> paymasterSamples() {
        List<WalletError> all = new ArrayList<>();
        var missing = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (var code : xyz.cavos.wallet.starknet.paymaster.PaymasterErrorCode.values()) {
            all.add(PaymasterErrors.of(new xyz.cavos.wallet.starknet.paymaster.PaymasterException.Refused("paymaster_buildTransaction", code.code(),
                    "An error occurred (" + code.name() + ")", missing)));
        }
        for (int status : new int[] {401, 503}) {
            all.add(PaymasterErrors.of(new xyz.cavos.wallet.starknet.paymaster.PaymasterException.Failed("paymaster_buildTransaction",
                    xyz.cavos.wallet.starknet.paymaster.PaymasterException.Failed.Kind.HTTP_STATUS, status, false,
                    "The paymaster at https://pm.example answered paymaster_buildTransaction with HTTP " + status + ".")));
        }
        all.add(PaymasterErrors.gasTokenNotInPolicy("USDC"));
        Felt chain = Felt.fromShortString("SN_SEPOLIA");
        List<Call> calls = List.of(new Call(Token.USDC.address(), Preflight.TRANSFER, List.of(Felt.of(7), Felt.of(100), Felt.ZERO)));
        List<Call> withFee = new ArrayList<>(calls);
        withFee.add(new Call(Token.USDC.address(), Preflight.TRANSFER, List.of(Felt.of(8), Felt.of(500), Felt.ZERO)));
        var parameters = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("version", "0x1");
        parameters.putObject("fee_mode").put("mode", "default").put("gas_token", Token.USDC.address().toHex());
        var fee = new xyz.cavos.wallet.starknet.paymaster.PaymasterFee(java.math.BigInteger.ONE, java.math.BigInteger.ONE,
                java.math.BigInteger.ONE, java.math.BigInteger.ONE, java.math.BigInteger.ONE);
        var execution = new xyz.cavos.wallet.cavos.OutsideExecution(xyz.cavos.wallet.cavos.OutsideExecution.ANY_CALLER, Felt.ONE, NOW - 60, NOW + 600, withFee);
        var built = new xyz.cavos.wallet.starknet.paymaster.BuiltTransaction(execution.typedData(chain), parameters, fee);
        var payment = new PaymasterReview.Payment.InToken(Token.USDC.address(), U256.of(100));
        all.add(caught(() -> PaymasterReview.check(calls, chain, WALLET, payment, NOW, built)));
        all.add(caught(() -> PaymasterReview.check(calls, Felt.fromShortString("SN_MAIN"), WALLET, payment, NOW, built)));
        return all;
    }

    /** A duplicate contact, an unknown name, and a look-alike recipient refused. */
    private static List<WalletError> addressBookSamples() {
        Path home;
        try {
            home = java.nio.file.Files.createTempDirectory("cavos-words");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            AddressBook book = AddressBook.open(home);
            Felt alice = Felt.parse("0x0517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
            book.add("Alice", alice, Optional.empty());
            Felt poison = Felt.parse("0x517c0b9e2a71d4c3f60e8a9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f78b6a5b");
            return List.of(caught(() -> book.add("alice", poison, Optional.empty())), caught(() -> book.resolve("Recipient", "Bob")),
                    RecipientCheck.refusal(RecipientCheck.offline(poison, WALLET, book).getFirst()));
        } finally {
            try (var files = java.nio.file.Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary folder left behind
            }
        }
    }

    private static List<List<Call>> preflightRefusals() {
        Felt recipient = Felt.of(0x1234);
        Call strk = new Call(Token.STRK.address(), Preflight.TRANSFER, List.of(recipient, Felt.of(1), Felt.ZERO));
        return List.of(
                List.of(strk, strk, strk),
                List.of(new Call(Felt.of(0x999), Preflight.TRANSFER, List.of())),
                List.of(new Call(WALLET, CavosAccount.UPGRADE, List.of(Felt.ONE))),
                List.of(new Call(Token.STRK.address(), Preflight.TRANSFER, List.of(recipient))),
                List.of(new Call(Token.STRK.address(), Preflight.TRANSFER, List.of(recipient, Felt.parse("0x" + "f".repeat(32)),
                        Felt.of(1)))));
    }

    private static WalletSnapshot active() {
        OnChainSession session = new OnChainSession(TOKEN.nonce(), NOW - 3600, NOW + 3600, NOW + 7200, 1, POLICY.allowedContractsRoot(), 2);
        return new WalletSnapshot(Network.SANDBOX, 5, NOW, List.of(new Balance(Token.STRK, U256.parseAmount("10", 18))), session,
                Map.of(), Optional.empty(), Felt.of(1), 0, "pre_confirmed",
                new ChainPolicy(POLICY.allowedContractsRoot(), POLICY.maxCallsPerTx(), POLICY.spendingLimits(), true, Optional.empty()), RenewalChain.NONE);
    }

    private static SessionStatus status(SessionState state) {
        return new SessionStatus(state, TOKEN.sessionPublicKey(), WALLET, state != SessionState.NOT_REGISTERED, NOW - 3600, NOW + 60,
                NOW + 7200, NOW, 5, 0, state == SessionState.REVOKED ? Optional.of("revoked in block 4") : Optional.empty());
    }

    private static WalletError caught(Supplier<Object> work) {
        try {
            work.get();
        } catch (WalletError e) {
            return e;
        }
        throw new AssertionError("expected a wallet error");
    }

    /** A transport failure as the client makes it: a connection refused by a closed loopback port. */
    private static RpcException.Transport refusedConnection() {
        try (RpcClient closed = RpcClient.builder(URI.create("http://127.0.0.1:9/rpc/v0_10")).maxRetries(0).build()) {
            closed.blockNumber();
            throw new AssertionError("nothing should answer on port 9");
        } catch (RpcException.Transport e) {
            return e;
        }
    }
}
