package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.FaultyProxy;

/**
 * Hundreds of mixed operations through a proxy that fails about one request in five, before or after the node
 * executed it, from a fixed seed. What the wallet reported is then held against the chain: no transfer landed
 * twice, none reported sent is missing, every failure carries an error code, and no operation ran past its
 * deadline. Transfers the wallet could not settle ("unconfirmed") are counted and must stay at zero: the wallet
 * asks and re-sends until it knows.
 */
class FaultCampaignIT {

    private static final long SEED = 20261201L;
    private static final int OPERATIONS = 330;
    private static final double FAULT_RATE = 0.2;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(20);
    /**
     * An operation's timeout bounds everything from the moment its transaction is sent; before that come a read of the
     * chain and a fee estimate, each an exchange or two bounded by the request timeout, retries included.
     */
    private static final Duration DEADLINE = OPERATION_TIMEOUT.plus(REQUEST_TIMEOUT.multipliedBy(5));

    @TempDir
    Path home;

    private record Sent(Felt recipient, Token token, BigInteger amount, String outcome) {
    }

    @Test
    void nothingIsSentTwiceNothingFalselySucceedsAndEveryFailureHasACode() {
        try (SandboxNode node = SandboxNode.start()) {
            SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
            try (FaultyProxy proxy = new FaultyProxy(node.rpcUri(), SEED, FAULT_RATE, REQUEST_TIMEOUT.multipliedBy(3).dividedBy(2))) {
                WalletService wallet = WalletService.connect(demo.token(),
                        new ConnectionOptions(Optional.of("sandbox"), List.of(proxy.uri().toString()), REQUEST_TIMEOUT), Optional.empty());
                Random random = new Random(SEED);
                List<Sent> transfers = new ArrayList<>();
                Map<String, Integer> outcomes = new TreeMap<>();
                List<String> unexpected = new ArrayList<>();
                long slowest = 0;
                for (int i = 0; i < OPERATIONS; i++) {
                    int kind = random.nextInt(100);
                    Felt recipient = Felt.of(BigInteger.valueOf(0x5EED_0000L + i));
                    long start = System.nanoTime();
                    String outcome;
                    Sent transfer = null;
                    try {
                        if (kind < 40) {
                            BigInteger amount = U256.parseAmount("0.0" + (1 + i % 9), 18).value().add(BigInteger.valueOf(i));
                            transfer = new Sent(recipient, Token.STRK, amount, "");
                            wallet.transfer(Token.STRK, recipient, U256.of(amount), true, OPERATION_TIMEOUT, Progress.SILENT);
                        } else if (kind < 45) {
                            BigInteger amount = BigInteger.valueOf(1000 + i); // base units of USDC: 0.001…
                            transfer = new Sent(recipient, Token.USDC, amount, "");
                            wallet.transfer(Token.USDC, recipient, U256.of(amount), true, OPERATION_TIMEOUT, Progress.SILENT);
                        } else if (kind < 52) {
                            transfer = new Sent(recipient, Token.STRK, U256.parseAmount("500", 18).value(), "");
                            wallet.transfer(Token.STRK, recipient, U256.parseAmount("500", 18), true, OPERATION_TIMEOUT, Progress.SILENT);
                        } else if (kind < 77) {
                            wallet.snapshot();
                        } else if (kind < 87) {
                            wallet.sessionStatus();
                        } else if (kind < 95) {
                            wallet.policyUsage();
                        } else {
                            wallet.simulate(List.of(xyz.cavos.wallet.starknet.Call.of(Token.STRK.address(), "transfer",
                                    List.of(recipient, Felt.ONE, Felt.ZERO))));
                        }
                        outcome = "ok";
                    } catch (WalletError e) {
                        outcome = e.code().id();
                        if (e.code() == WalletError.Code.UNEXPECTED || e.getMessage() == null || e.getMessage().isBlank()) {
                            unexpected.add(i + ": " + e.code() + " " + e.getMessage());
                        }
                        if (e.getMessage() != null && e.getMessage().matches("(?s).*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*")) {
                            unexpected.add(i + ": a class name in " + e.getMessage());
                        }
                    } catch (RuntimeException e) {
                        outcome = "unexpected";
                        unexpected.add(i + ": " + e);
                    }
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    slowest = Math.max(slowest, elapsed);
                    assertTrue(elapsed <= DEADLINE.toMillis(), "operation " + i + " took " + elapsed + " ms, past its deadline");
                    outcomes.merge((transfer == null ? "read " : "transfer ") + outcome, 1, Integer::sum);
                    if (transfer != null) {
                        transfers.add(new Sent(transfer.recipient(), transfer.token(), transfer.amount(), outcome));
                    }
                }
                wallet.close();

                int doubleSends = 0;
                int falseSuccesses = 0;
                int landedAfterAFailure = 0;
                List<String> landedOutcomes = new ArrayList<>();
                for (Sent t : transfers) {
                    BigInteger received = node.balanceOf(t.recipient(), t.token());
                    if (received.compareTo(t.amount()) > 0) {
                        doubleSends++;
                    }
                    if (t.outcome().equals("ok") && !received.equals(t.amount())) {
                        falseSuccesses++;
                    }
                    if (!t.outcome().equals("ok") && received.signum() > 0) {
                        landedAfterAFailure++;
                        landedOutcomes.add(t.outcome());
                    }
                }
                BigDecimal spent = new BigDecimal(node.balanceOf(demo.address(), Token.STRK)).movePointLeft(18);
                System.out.printf("fault campaign: %d operations, %d transfers, faults %s, outcomes %s, double sends %d, false successes %d,"
                                + " reported failed but landed %d, unexpected %d, slowest %d ms, STRK left %s%n",
                        OPERATIONS, transfers.size(), proxy.counts(), outcomes, doubleSends, falseSuccesses, landedAfterAFailure,
                        unexpected.size(), slowest, spent.stripTrailingZeros().toPlainString());
                assertEquals(List.of(), unexpected, "every failure is a wallet error with a code and a plain message");
                assertEquals(0, doubleSends, "no transfer landed twice");
                assertEquals(0, falseSuccesses, "every transfer reported sent is on chain");
                assertEquals(0, landedAfterAFailure, "no transfer reported as failed landed: " + landedOutcomes);
                assertEquals(0, outcomes.getOrDefault("transfer " + WalletError.Code.TRANSACTION_UNCONFIRMED.id(), 0),
                        "every lost answer was settled by the wallet: " + outcomes);
                assertTrue(proxy.counts().getOrDefault(FaultyProxy.Fault.DROPPED_AFTER, 0) > 0
                        && proxy.counts().getOrDefault(FaultyProxy.Fault.STALLED_AFTER, 0) > 0, "the faults that make writes ambiguous happened");
            }
        }
    }
}
