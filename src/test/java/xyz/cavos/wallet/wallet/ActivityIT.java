package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xyz.cavos.wallet.wallet.WalletSandbox.RECIPIENT;
import static xyz.cavos.wallet.wallet.WalletSandbox.WAIT;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import xyz.cavos.wallet.cavos.SessionTransaction;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.ProviderLimits;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.BlockId;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.RpcClient;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SentLog;

/** The wallet's history against the sandbox: transfers in and out, fees, the session's events, sent transactions, paging. */
class ActivityIT {

    private static final Felt PAYER = Felt.parse("0x7a11ce");

    @RegisterExtension
    final WalletSandbox sandbox = new WalletSandbox();
    private final SandboxNode node = sandbox.node();
    private final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());

    /** What a person reads on a line: kind, direction, amount and token, counterparty, status. */
    private static String line(ActivityEntry e) {
        return e.kind().label() + " " + e.direction() + " " + e.amountText() + " " + e.symbol() + " "
                + e.counterparty().map(Felt::toHex).orElse("-") + " " + e.status().label();
    }

    @Test
    void transfersInAndOutTheFeeAndTheSessionsRegistrationAreListedNewestFirst() {
        try (WalletService wallet = sandbox.connect(demo.token())) {
            TransactionOutcome sent = wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1.5", 18), true, WAIT, Progress.SILENT);
            node.createBlock();
            node.mint(demo.address(), Token.USDC, U256.parseAmount("7.25", 6));

            ActivityPage page = wallet.activity(Optional.empty(), 20);

            List<ActivityEntry> entries = page.entries();
            assertEquals(List.of(
                    "Received in 7.25 USDC 0x0 Accepted",
                    "Sent out 1.5 STRK " + RECIPIENT.toHex() + " Accepted",
                    "Fee out " + entries.get(2).amountText() + " STRK " + ActivityReader.FEE_COLLECTOR.toHex() + " Accepted",
                    "Session registered    - Accepted"), entries.stream().map(ActivityIT::line).toList());
            assertTrue(new BigInteger(entries.get(2).raw().orElseThrow().toString()).signum() > 0, "a fee was charged");
            assertEquals(Optional.of(sent.transactionHash()), entries.get(1).transactionHash());
            assertEquals(entries.get(1).transactionHash(), entries.get(2).transactionHash(), "the fee belongs to the transfer");
            assertFalse(page.hasMore(), "the session's registration is where the history starts");
            for (int i = 1; i < entries.size(); i++) {
                assertTrue(entries.get(i).block().getAsLong() <= entries.get(i - 1).block().getAsLong(), "newest first");
                assertFalse(entries.get(i).time().orElseThrow().isAfter(entries.get(i - 1).time().orElseThrow()));
            }
            assertEquals(Optional.empty(), entries.get(0).explorerLink(), "the sandbox has no explorer");
            assertEquals(new java.math.BigDecimal("7.25"), entries.get(0).amount().orElseThrow().stripTrailingZeros());
            List<SentLog.Entry> log = SentLog.in(sandbox.home()).entries();
            assertEquals(1, log.size());
            assertEquals(SentLog.Status.ACCEPTED, log.getFirst().status());
            assertEquals("transfer 1.5 STRK to 0x0517…6a5b", log.getFirst().summary());
            assertEquals(demo.token().sessionPublicKey(), log.getFirst().sessionKey());
        }
    }

    @Test
    void aRevertedTransactionSentFromHereShowsWithItsReasonAndItsFee() {
        Felt hash;
        try (RpcClient rpc = RpcClient.of(node.rpcUri())) {
            // over the 100 STRK limit: the account accepts it, then reverts it in __execute__
            BigInteger price = rpc.getBlockWithTxHashes(BlockId.LATEST).l2GasPrice();
            ResourceBoundsMapping bounds = new ResourceBoundsMapping(new ResourceBounds(BigInteger.ZERO, BigInteger.ONE.shiftLeft(60)),
                    new ResourceBounds(BigInteger.valueOf(20_000_000), price.multiply(BigInteger.TWO)),
                    new ResourceBounds(BigInteger.valueOf(10_000), BigInteger.ONE.shiftLeft(40)));
            Call overLimit = new Call(Token.STRK.address(), Preflight.TRANSFER,
                    List.of(RECIPIENT, U256.parseAmount("500", 18).low(), U256.parseAmount("500", 18).high()));
            hash = rpc.addInvokeTransaction(SessionTransaction.sign(demo.token(), SandboxNode.CHAIN_ID,
                    rpc.getNonce(demo.address(), BlockId.LATEST), List.of(overLimit), bounds));
        }
        SentLog.in(sandbox.home()).add(new SentLog.Entry(hash, demo.token().sessionPublicKey(), demo.address(), Instant.now(),
                "transfer 500 STRK to 0x0517…6a5b", SentLog.Status.PENDING, OptionalLong.empty(), Optional.empty()));
        try (WalletService wallet = sandbox.connect(demo.token())) {
            List<ActivityEntry> entries = wallet.activity(Optional.empty(), 20).entries();

            ActivityEntry reverted = entries.stream().filter(e -> e.kind() == ActivityEntry.Kind.TRANSACTION).findFirst().orElseThrow();
            assertEquals(ActivityEntry.Status.REVERTED, reverted.status());
            assertEquals("transfer 500 STRK to 0x0517…6a5b", reverted.description());
            assertTrue(reverted.revertReason().orElseThrow().contains("Spending limit exceeded"), reverted.revertReason().toString());
            ActivityEntry fee = entries.stream().filter(e -> e.kind() == ActivityEntry.Kind.FEE).findFirst().orElseThrow();
            assertEquals(reverted.transactionHash(), fee.transactionHash(), "a reverted transaction still pays its fee");
            assertEquals(ActivityEntry.Status.REVERTED, fee.status());
            assertTrue(entries.stream().noneMatch(e -> e.kind() == ActivityEntry.Kind.SENT), "nothing was sent: it reverted");
            assertEquals(SentLog.Status.REVERTED, SentLog.in(sandbox.home()).entries().getFirst().status(), "the log learnt the outcome");
        }
    }

    @Test
    void aRevokedSessionShowsItsRevocationAboveEverythingElse() {
        try (WalletService wallet = sandbox.connect(demo.token())) {
            wallet.revoke(true, WAIT, Progress.SILENT);
            List<ActivityEntry> entries = wallet.activity(Optional.empty(), 20).entries();
            assertEquals(ActivityEntry.Kind.SESSION_REVOKED, entries.getFirst().kind());
            assertEquals(ActivityEntry.Kind.SESSION_REGISTERED, entries.getLast().kind(),
                    "a revoked session reads as never registered: its registration is found among the events");
        }
    }

    @Test
    void anEndpointThatCapsEventRangesIsReadInNarrowerRangesAndPagesJoinUpWithoutGapsOrRepeats() {
        try (WalletService wallet = sandbox.connect(demo.token())) {
            wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("2", 18), true, WAIT, Progress.SILENT);
            for (int i = 0; i < 3; i++) {
                for (int b = 0; b < 12; b++) {
                    node.createBlock();
                }
                node.mint(demo.address(), Token.ETH, U256.parseAmount("0.0" + (i + 1), 18));
                for (int b = 0; b < 12; b++) {
                    node.createBlock();
                }
                wallet.transfer(Token.USDC, RECIPIENT, U256.parseAmount(Integer.toString(i + 1), 6), true, WAIT, Progress.SILENT);
            }
            List<String> whole = wallet.activity(Optional.empty(), 1000).entries().stream().map(ActivityIT::line).toList();
            assertEquals(12, whole.size(), "4 transfers out with their fees, 3 in, the registration: " + whole);

            node.setLimits(new ProviderLimits(false, 5));
            assertEquals(whole, wallet.activity(Optional.empty(), 1000).entries().stream().map(ActivityIT::line).toList(),
                    "the same history in one page, read five blocks at a time");
            List<String> paged = new ArrayList<>();
            Optional<ActivityCursor> cursor = Optional.empty();
            int pages = 0;
            do {
                ActivityPage page = wallet.activity(cursor, 2);
                assertTrue(page.entries().size() <= 2);
                page.entries().forEach(e -> paged.add(line(e)));
                cursor = page.next();
                pages++;
            } while (cursor.isPresent() && pages < 50);
            assertEquals(whole, paged);
            assertTrue(node.requests("/rpc", "starknet_getEvents") > 0);
        }
    }

    @Test
    void aPageHoldsOneToAThousandEntries() {
        try (WalletService wallet = sandbox.connect(demo.token())) {
            wallet.transfer(Token.STRK, RECIPIENT, U256.parseAmount("1", 18), true, WAIT, Progress.SILENT);
            ActivityPage one = wallet.activity(Optional.empty(), 1);
            assertEquals(List.of(ActivityEntry.Kind.SENT), one.entries().stream().map(ActivityEntry::kind).toList(),
                    "the transfer comes above its fee");
            assertTrue(one.hasMore());
            for (int wrong : new int[] {0, 1001}) {
                WalletError e = assertThrows(WalletError.class, () -> wallet.activity(Optional.empty(), wrong));
                assertEquals(WalletError.Code.INVALID_ARGUMENT, e.code());
            }
        }
    }
}
