package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.cli.CliSandbox.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.sandbox.SandboxPaymaster;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.SpecCheckingProxy;

/**
 * The command line's fee modes against the sandbox's SNIP-29 paymaster, from a wallet holding 0 STRK and 100 USDC: sponsored
 * and paid in USDC, the paymaster and its key from the environment or from the settings (the key in the keychain), revoke
 * and renewal, and every bad combination refused with exit code 2 before anything is sent. Every paymaster exchange goes
 * through a proxy that checks it against the SNIP-29 OpenRPC document; the API key never appears in what the CLI prints.
 */
class GaslessCliIT {

    @RegisterExtension
    final CliSandbox sandbox = new CliSandbox();
    private final SandboxNode node = sandbox.node();
    private final SpecCheckingProxy checked = new SpecCheckingProxy(node.paymasterUri());
    private final SandboxDashboard.DemoWallet demo = sandbox.createWallet(new SandboxDashboard.WalletRequest(usdcOnly(),
            SandboxDashboard.SessionRequest.of(policy(), 24 * 3600)));
    private final List<Cli.Result> printed = new ArrayList<>();

    @AfterEach
    void theKeyWasNeverPrintedAndEveryExchangeWasTheSpecs() {
        checked.close();
        assertEquals(List.of(), checked.specProblems());
        for (Cli.Result result : printed) {
            assertFalse(result.out().contains(node.paymasterApiKey()) || result.err().contains(node.paymasterApiKey()), result.toString());
        }
    }

    private static Map<Token, String> usdcOnly() {
        Map<Token, String> funding = new LinkedHashMap<>();
        funding.put(Token.STRK, "0");
        funding.put(Token.USDC, "100");
        return funding;
    }

    private static SessionPolicy policy() {
        return new SessionPolicy(List.of(Token.STRK.address(), Token.USDC.address(), Token.ETH.address()),
                List.of(new SpendingLimit(Token.STRK.address(), U256.parseAmount("100", 18)),
                        new SpendingLimit(Token.USDC.address(), U256.parseAmount("50", 6))), 5);
    }

    /** The CLI with the paymaster (through the checking proxy) and its key in the environment. */
    private Cli withPaymaster() {
        return sandbox.cli().with("CAVOS_PAYMASTER_URL", checked.uri().toString()).with("CAVOS_PAYMASTER_API_KEY", node.paymasterApiKey());
    }

    private Cli.Result run(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        printed.add(result);
        return result;
    }

    private BigInteger usdc(Felt address) {
        return node.balanceOf(address, Token.USDC);
    }

    @Test
    void aWalletWithNoStrkSendsUsdcSponsoredAndPayingInUsdcAndThePolicyCountsTheFee() {
        assertEquals(BigInteger.ZERO, node.balanceOf(demo.address(), Token.STRK));
        Cli.Result sponsored = run(withPaymaster(), "--fee-mode", "sponsored", "transfer", "--to", RECIPIENT, "--amount", "10",
                "--token", "USDC");
        assertEquals(0, sponsored.exit(), sponsored.toString());
        assertTrue(sponsored.out().startsWith("Sent 10 USDC to " + RECIPIENT), sponsored.out());
        assertTrue(sponsored.out().contains("  fee          none (0 STRK): sponsored by the paymaster\n"), sponsored.out());
        assertEquals(U256.parseAmount("90", 6).value(), usdc(demo.address()), "no fee taken from the wallet");

        Cli.Result inUsdc = run(withPaymaster().with("CAVOS_PAYMASTER_API_KEY", null), "--json", "--fee-mode", "token", "--gas-token",
                "USDC", "--max-fee", "0.5", "transfer", "--to", RECIPIENT, "--amount", "5", "--token", "USDC");
        assertEquals(0, inUsdc.exit(), inUsdc.toString());
        JsonNode data = inUsdc.json().get("data");
        assertEquals("token", data.get("feeMode").asText());
        assertEquals("USDC", data.get("feeUnit").asText());
        BigInteger fee = node.balanceOf(node.relayerAddress(), Token.USDC);
        assertTrue(fee.signum() > 0, "the relayer was paid in USDC");
        assertEquals(U256.of(fee).toAmountString(6), data.get("fee").asText(), "the fee printed is the fee paid");
        assertEquals(U256.parseAmount("85", 6).value().subtract(fee), usdc(demo.address()));
        assertEquals(U256.parseAmount("15", 6).value(), usdc(Felt.parse(RECIPIENT)));

        JsonNode limits = run(sandbox.cli(), "--json", "policy", "show").json().at("/data/spendingLimits");
        JsonNode usdcLimit = null;
        for (JsonNode limit : limits) {
            if (limit.get("symbol").asText().equals("USDC")) {
                usdcLimit = limit;
            }
        }
        assertEquals(U256.of(U256.parseAmount("15", 6).value().add(fee)).toAmountString(6), usdcLimit.get("spent").asText(),
                "policy show counts the fee in USDC spending");
        assertEquals(BigInteger.ZERO, node.balanceOf(demo.address(), Token.STRK));
        assertTrue(checked.methodsChecked().containsAll(List.of("paymaster_buildTransaction", "paymaster_executeTransaction")),
                checked.methodsChecked().toString());
    }

    @Test
    void thePaymasterAndItsKeyFromTheSettingsTheKeyGoingOnlyToThatPaymaster() {
        Cli cli = sandbox.cli();
        assertEquals(0, run(cli, "config", "set", "paymaster", checked.uri().toString()).exit());
        Cli.Result keySet = cli.runWithInput(node.paymasterApiKey() + "\n", "config", "set", "paymaster-api-key");
        printed.add(keySet);
        assertEquals(0, keySet.exit(), keySet.toString());
        assertTrue(keySet.out().contains("Paymaster API key kept: yes, in the keychain\n"), keySet.out());
        assertTrue(run(cli, "--json", "config", "show").json().at("/data/paymasterApiKey").asBoolean());

        Cli.Result sent = run(cli, "--fee-mode", "sponsored", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "USDC");
        assertEquals(0, sent.exit(), sent.toString());

        // another paymaster named on the command line does not get the key kept for the configured one
        try (SpecCheckingProxy other = new SpecCheckingProxy(node.paymasterUri())) {
            Cli.Result elsewhere = run(cli, "--json", "--fee-mode", "sponsored", "--paymaster", other.uri().toString(), "transfer", "--to",
                    RECIPIENT, "--amount", "1", "--token", "USDC");
            assertEquals(1, elsewhere.exit(), elsewhere.toString());
            assertEquals("paymaster-api-key", elsewhere.errorJson().get("error_code").asText(), elsewhere.toString());
            Cli.Result envKeyElsewhere = run(withPaymaster(), "--fee-mode", "sponsored", "--paymaster", other.uri().toString(), "transfer",
                    "--to", RECIPIENT, "--amount", "1", "--token", "USDC");
            assertEquals(1, envKeyElsewhere.exit(), envKeyElsewhere.toString());
            assertTrue(envKeyElsewhere.err().contains("Warning: CAVOS_PAYMASTER_API_KEY is not sent to"), envKeyElsewhere.err());
            assertEquals(List.of(), other.specProblems());
        }
        assertEquals(U256.parseAmount("99", 6).value(), usdc(demo.address()));

        assertEquals(0, run(cli, "config", "unset", "paymaster-api-key").exit());
        assertFalse(run(cli, "--json", "config", "show").json().at("/data/paymasterApiKey").asBoolean());
        Cli.Result withoutKey = run(cli, "--fee-mode", "sponsored", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "USDC");
        assertEquals(1, withoutKey.exit(), withoutKey.toString());
        assertTrue(withoutKey.err().toLowerCase().contains("api key"), withoutKey.err());
    }

    @Test
    void aPaymasterThatAddsACallIsRefusedAndNothingFallsBackToStrk() {
        node.mint(demo.address(), Token.STRK, U256.parseAmount("5", 18));
        node.paymaster().misbehave(SandboxPaymaster.Misbehaviour.ADD_CALL);
        Cli.Result refused = run(withPaymaster(), "--json", "--fee-mode", "token", "--gas-token", "USDC", "--max-fee", "0.5", "transfer", "--to",
                RECIPIENT, "--amount", "1", "--token", "USDC");
        assertEquals(1, refused.exit(), refused.toString());
        assertEquals("paymaster-tampered", refused.errorJson().get("error_code").asText(), refused.toString());
        assertEquals("", refused.out());
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo.address()));
        assertEquals(U256.parseAmount("5", 18).value(), node.balanceOf(demo.address(), Token.STRK), "no fee paid in STRK instead");
        assertEquals(BigInteger.ZERO, usdc(SandboxPaymaster.THIEF));
    }

    @Test
    void simulateQuotesThePaymastersFeeAndSignsNothing() {
        Cli.Result quoted = run(withPaymaster(), "--json", "--fee-mode", "token", "--gas-token", "USDC", "--max-fee", "2", "simulate",
                "--contract", Token.USDC.address().toHex(), "--entrypoint", "transfer", "--calldata", RECIPIENT + ",u256:1000000");
        assertEquals(0, quoted.exit(), quoted.toString());
        JsonNode data = quoted.json().get("data");
        assertEquals("token", data.get("feeMode").asText());
        assertEquals("USDC", data.get("unit").asText());
        assertTrue(new java.math.BigDecimal(data.get("maxFee").asText()).signum() > 0, data.toString());
        assertFalse(data.has("l2GasConsumed"), data.toString());
        assertFalse(checked.methodsChecked().contains("paymaster_executeTransaction"), checked.methodsChecked().toString());
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo.address()));
    }

    @Test
    void revokeSponsoredAndARenewalPayingInATokenIsRefused() {
        Cli.Result renewInToken = run(withPaymaster(), "--json", "--fee-mode", "token", "--gas-token", "USDC", "--max-fee", "1", "renew");
        assertEquals(2, renewInToken.exit(), renewInToken.toString());
        assertTrue(renewInToken.errorJson().get("message").asText().contains("cannot pay its fee in USDC"), renewInToken.toString());

        Cli.Result revoked = run(withPaymaster(), "--fee-mode", "sponsored", "revoke");
        assertEquals(0, revoked.exit(), revoked.toString());
        assertTrue(revoked.out().contains("none (0 STRK): sponsored by the paymaster"), revoked.out());
        assertEquals("revoked", run(sandbox.cli(), "--json", "session", "status").json().at("/data/state").asText());
    }

    @Test
    void badFeeOptionsAreRefusedWithExitTwoAndNothingIsSent() {
        // each case: the options, and what the message must name
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--fee-mode", "free"), "--fee-mode takes self, sponsored or token, not \"free\"");
        cases.put(List.of("--fee-mode", "token"), "--fee-mode token needs the token the paymaster is paid in");
        cases.put(List.of("--fee-mode", "token", "--gas-token", "USDC"), "--fee-mode token needs --max-fee: the most you accept to pay");
        cases.put(List.of("--gas-token", "USDC"), "--gas-token goes with --fee-mode token");
        cases.put(List.of("--fee-mode", "sponsored", "--max-fee", "1"), "--max-fee goes with --fee-mode token");
        cases.put(List.of("--paymaster", "https://paymaster.example/"), "--paymaster goes with --fee-mode sponsored or token");
        cases.put(List.of("--fee-mode", "sponsored", "--paymaster", "paymaster.example"), "The paymaster URL of --paymaster is not");
        cases.put(List.of("--fee-mode", "token", "--gas-token", "USDC", "--max-fee", "abc"), "--max-fee: Amount \"abc\"");
        for (var entry : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("--json"));
            args.addAll(entry.getKey());
            args.addAll(List.of("transfer", "--to", RECIPIENT, "--amount", "1", "--token", "USDC"));
            Cli.Result result = run(withPaymaster(), args.toArray(String[]::new));
            assertEquals(2, result.exit(), args + "\n" + result);
            String code = result.errorJson().get("error_code").asText();
            assertTrue(code.equals("invalid-argument") || code.equals("invalid-amount"), result.toString());
            assertTrue(result.errorJson().get("message").asText().startsWith(entry.getValue()), entry.getValue() + "\n" + result);
        }
        Cli.Result none = run(sandbox.cli(), "--fee-mode", "sponsored", "transfer", "--to", RECIPIENT, "--amount", "1", "--token", "USDC");
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().startsWith("Error: --fee-mode sponsored needs a paymaster, and none is set.\n"), none.err());
        assertTrue(checked.methodsChecked().isEmpty(), "the paymaster was never asked: " + checked.methodsChecked());
        assertEquals(U256.parseAmount("100", 6).value(), usdc(demo.address()));
    }
}
