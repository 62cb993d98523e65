package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.TestResources;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.BuiltTransaction;
import xyz.cavos.wallet.starknet.paymaster.PaymasterFee;

/**
 * The check before signing a paymaster's typed data, against the starknet.js outside executions of
 * {@code vectors/outside-execution.json} as an honest paymaster would send them, and against the same replies altered
 * as a hostile paymaster would alter them: each alteration is refused and names what differed.
 */
class PaymasterReviewTest {

    private static final JsonNode CASES = TestResources.json("vectors/outside-execution.json").get("cases");
    /** Case 0: a sponsored USDC transfer on mainnet; case 1: the same transfer on Sepolia with a USDC fee transfer appended. */
    private static final JsonNode SPONSORED = CASES.get(0);
    private static final JsonNode IN_USDC = CASES.get(1);
    private static final Felt ACCOUNT = Felt.parse(SPONSORED.get("account").asText());
    private static final Felt MAINNET = Felt.fromShortString("SN_MAIN");
    private static final Felt SEPOLIA = Felt.fromShortString("SN_SEPOLIA");
    private static final Felt USDC = Token.USDC.address();
    private static final Felt RECIPIENT = Felt.parse("0x0517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    /** The user's call: 1 USDC (6 decimals) to the recipient. */
    private static final List<Call> CALLS = List.of(new Call(USDC, PaymasterReview.TRANSFER, List.of(RECIPIENT, Felt.of(1_000_000), Felt.ZERO)));
    /** Ten minutes into the vectors' hour of validity. */
    private static final long NOW = 1_770_700_600L;
    private static final U256 FEE = U256.of(0x2710);
    private static final PaymasterReview.Payment SPONSORED_PAYMENT = new PaymasterReview.Payment.Sponsored();
    private static final PaymasterReview.Payment USDC_UP_TO_FEE = new PaymasterReview.Payment.InToken(USDC, FEE);

    // ---- accepted ----

    @Test
    void aSponsoredExecutionOfExactlyTheCallsIsAccepted() {
        PaymasterReview.Approved approved = PaymasterReview.check(CALLS, MAINNET, ACCOUNT, SPONSORED_PAYMENT, NOW, sponsored(SPONSORED.get("typed_data")));
        assertEquals(CALLS, approved.execution().calls());
        assertEquals(Optional.empty(), approved.feeToken());
        assertEquals(U256.ZERO, approved.fee());
        assertEquals(Felt.parse(SPONSORED.get("message_hash").asText()), approved.messageHash(ACCOUNT, MAINNET), "the hash starknet.js signs");
    }

    @Test
    void aTokenFeeAtTheAcceptedMaximumIsAcceptedAndReported() {
        PaymasterReview.Approved approved = PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, USDC_UP_TO_FEE, NOW, inUsdc(IN_USDC.get("typed_data")));
        assertEquals(Optional.of(USDC), approved.feeToken());
        assertEquals(FEE, approved.fee());
        assertEquals(2, approved.signedCalls().size(), "the fee transfer is signed with the calls");
        assertEquals(Felt.parse(IN_USDC.get("message_hash").asText()), approved.messageHash(ACCOUNT, SEPOLIA));
    }

    @Test
    void aTokenFeeBelowTheMaximumIsAccepted() {
        var generous = new PaymasterReview.Payment.InToken(USDC, U256.of(50_000));
        assertEquals(FEE, PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, generous, NOW, inUsdc(IN_USDC.get("typed_data"))).fee());
    }

    @Test
    void domainValuesWrittenAsNumbersOrAShortStringAreTheSameValues() {
        ObjectNode typed = SPONSORED.get("typed_data").deepCopy();
        ((ObjectNode) typed.get("domain")).put("revision", 1).put("version", 2).put("chainId", "SN_MAIN");
        PaymasterReview.check(CALLS, MAINNET, ACCOUNT, SPONSORED_PAYMENT, NOW, sponsored(typed));
    }

    @Test
    void theTypedDataThisWalletWritesIsAccepted() {
        OutsideExecution execution = new OutsideExecution(Felt.parse("0x127021a1b5a52d3174c2ab077c2b043c80369250d29428cee956d76ee51584f"),
                Felt.of(9), NOW - 60, NOW + 3600, CALLS);
        assertEquals(execution, PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, SPONSORED_PAYMENT, NOW, sponsored(execution.typedData(SEPOLIA))).execution());
    }

    @Test
    void theApprovedExecutionIsSignedWithTheSessionKeyOverTheAccountsHash() {
        SessionToken token = SessionToken.builder(Felt.parse(IN_USDC.get("session_private_key").asText()), ACCOUNT)
                .validity(NOW - 3600, NOW + 3600, NOW + 7200).randomness(Felt.of(9)).policy(Optional.empty()).build();
        PaymasterReview.Approved approved = PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, USDC_UP_TO_FEE, NOW, inUsdc(IN_USDC.get("typed_data")));
        Felt hash = approved.messageHash(ACCOUNT, SEPOLIA);
        SessionSignature signature = SessionSignature.sign(token, hash, approved.signedCalls(), Felt.ZERO);
        assertEquals(SessionSignature.MAGIC, signature.toFelts().getFirst());
        assertTrue(StarkCurve.verify(Felt.parse(IN_USDC.get("session_public_key").asText()), hash,
                new StarkCurve.Signature(signature.r(), signature.s())));
    }

    // ---- the calls ----

    @Test
    void aPaymasterThatAddsACallIsRefused() {
        WalletError e = refusedSponsored(typed -> calls(typed).addObject().put("To", "0x1234").put("Selector", PaymasterReview.TRANSFER.toHex())
                .putArray("Calldata").add("0x1").add("0x2").add("0x0"));
        assertTampered(e, "adds a fee transfer");
        WalletError approve = refusedSponsored(typed -> calls(typed).addObject().put("To", USDC.toHex())
                .put("Selector", Felt.parse("0x219209e083275171774dab1df80982e9df2096516f06319c5c6d71ae0a8480c").toHex()).putArray("Calldata").add("0x1"));
        assertTampered(approve, "adds 1 call(s) to yours");
    }

    @Test
    void aPaymasterThatAddsACallBesidesTheFeeTransferIsRefused() {
        WalletError e = refusedInUsdc(typed -> calls(typed).insert(1, calls(typed).get(0).deepCopy()));
        assertTampered(e, "adds 2 calls to yours");
    }

    @Test
    void aPaymasterThatChangesTheRecipientIsRefused() {
        WalletError e = refusedSponsored(typed -> calldata(typed, 0).set(0, "0x666"));
        assertTampered(e, "changes call 1: argument 1 is 0x666 instead of " + RECIPIENT.toHex());
    }

    @Test
    void aPaymasterThatChangesTheAmountIsRefused() {
        WalletError e = refusedSponsored(typed -> calldata(typed, 0).set(1, "0xf4241"));
        assertTampered(e, "changes call 1: argument 2 is 0xf4241 instead of 0xf4240");
    }

    @Test
    void aPaymasterThatChangesTheContractOrEntryPointIsRefused() {
        assertTampered(refusedSponsored(typed -> ((ObjectNode) calls(typed).get(0)).put("To", Token.STRK.address().toHex())), "its contract is");
        assertTampered(refusedSponsored(typed -> ((ObjectNode) calls(typed).get(0)).put("Selector", "0x1")), "its entry point selector is 0x1");
    }

    @Test
    void aPaymasterThatAddsOrDropsArgumentsIsRefused() {
        assertTampered(refusedSponsored(typed -> calldata(typed, 0).add("0x0")), "it has 4 arguments instead of 3");
    }

    @Test
    void aPaymasterThatDropsACallIsRefused() {
        assertTampered(refusedSponsored(typed -> calls(typed).removeAll()), "leaves out call 1 of 1");
    }

    @Test
    void aPaymasterThatReordersTheCallsIsRefused() {
        List<Call> two = List.of(CALLS.getFirst(), new Call(USDC, PaymasterReview.TRANSFER, List.of(Felt.of(7), Felt.of(1), Felt.ZERO)));
        OutsideExecution reversed = new OutsideExecution(OutsideExecution.ANY_CALLER, Felt.ONE, NOW - 60, NOW + 600, two.reversed());
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(two, SEPOLIA, ACCOUNT, SPONSORED_PAYMENT, NOW,
                sponsored(reversed.typedData(SEPOLIA))));
        assertTampered(e, "changes call 1");
    }

    // ---- the fee ----

    @Test
    void aFeeTransferAboveTheAcceptedMaximumIsRefused() {
        var stingy = new PaymasterReview.Payment.InToken(USDC, U256.of(0x270f));
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, stingy, NOW, inUsdc(IN_USDC.get("typed_data"))));
        assertEquals(WalletError.Code.FEE_ABOVE_MAXIMUM, e.code());
        assertTrue(e.getMessage().contains("10000") && e.getMessage().contains("9999"), e.getMessage());
        assertTrue(e.advice().startsWith("Nothing was signed."), e.advice());
    }

    @Test
    void aFeeTransferWithAHighHalfIsAboveAnyMaximum() {
        WalletError e = refusedInUsdc(typed -> calldata(typed, 1).set(2, "0x1"));
        assertEquals(WalletError.Code.FEE_ABOVE_MAXIMUM, e.code());
    }

    @Test
    void aFeeTransferInAnotherTokenThanChosenIsRefused() {
        ObjectNode typed = IN_USDC.get("typed_data").deepCopy();
        ((ObjectNode) calls(typed).get(1)).put("To", Token.STRK.address().toHex());
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, USDC_UP_TO_FEE, NOW, inUsdc(typed)));
        assertTampered(e, "fee transfer is in token " + Token.STRK.address().toHex() + ", not the chosen gas token " + USDC.toHex());
    }

    @Test
    void aFeeCallThatIsNotATransferIsRefused() {
        assertTampered(refusedInUsdc(typed -> ((ObjectNode) calls(typed).get(1)).put("Selector", "0x219209e083275171774dab1df80982e9df2096516f06319c5c6d71ae0a8480c")),
                "is not a transfer");
    }

    @Test
    void aFeeTransferWhenSponsoredIsRefused() {
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, SPONSORED_PAYMENT, NOW,
                sponsored(IN_USDC.get("typed_data"))));
        assertTampered(e, "adds a fee transfer of " + USDC.toHex() + " although the transaction was to be sponsored");
    }

    @Test
    void parametersThatAskForAnotherFeeModeAreRefused() {
        BuiltTransaction swapped = new BuiltTransaction(SPONSORED.get("typed_data"), parameters("default", USDC), fee());
        assertTampered(assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, MAINNET, ACCOUNT, SPONSORED_PAYMENT, NOW, swapped)),
                "fee mode \"default\", not sponsored");
        BuiltTransaction otherToken = new BuiltTransaction(IN_USDC.get("typed_data"), parameters("default", Token.STRK.address()), fee());
        assertTampered(assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, USDC_UP_TO_FEE, NOW, otherToken)),
                "gas token");
    }

    // ---- the domain and types ----

    @Test
    void aWrongChainIdInTheDomainIsRefused() {
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, SPONSORED_PAYMENT, NOW,
                sponsored(SPONSORED.get("typed_data"))));
        assertTampered(e, "it is for chain mainnet, not this wallet's chain sepolia");
    }

    @Test
    void aWrongDomainNameIsRefused() {
        assertTampered(refusedSponsored(typed -> domain(typed).put("name", "Account.execute_from_outsidf")), "domain name");
    }

    @Test
    void aWrongDomainVersionIsRefused() {
        assertTampered(refusedSponsored(typed -> domain(typed).put("version", "1")), "domain version is \"1\", not 2");
    }

    @Test
    void aWrongDomainRevisionIsRefused() {
        assertTampered(refusedSponsored(typed -> domain(typed).put("revision", "0")), "domain revision");
        assertTampered(refusedSponsored(typed -> domain(typed).remove("revision")), "domain revision is missing");
    }

    @Test
    void anExtraDomainFieldIsRefused() {
        assertTampered(refusedSponsored(typed -> domain(typed).put("salt", "0x1")), "unexpected field salt");
    }

    @Test
    void alteredTypesAreRefused() {
        assertTampered(refusedSponsored(typed -> ((ObjectNode) typed.at("/types/Call/2")).put("type", "felt")), "type Call differs");
        assertTampered(refusedSponsored(typed -> ((ObjectNode) typed.get("types")).putArray("Extra").addObject().put("name", "a").put("type", "felt")),
                "other types as well");
        assertTampered(refusedSponsored(typed -> typed.put("primaryType", "Call")), "primary type is \"Call\"");
    }

    @Test
    void anUnreadableMessageIsRefused() {
        assertTampered(refusedSponsored(typed -> ((ObjectNode) typed.get("message")).remove("Nonce")), "message cannot be read");
    }

    // ---- caller and time ----

    @Test
    void aCallerOfZeroIsRefused() {
        assertTampered(refusedSponsored(typed -> message(typed).put("Caller", "0x0")), "caller is the zero address");
    }

    @Test
    void timeBoundsInThePastAreRefused() {
        WalletError e = assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, MAINNET, ACCOUNT, SPONSORED_PAYMENT, 1_770_703_600L,
                sponsored(SPONSORED.get("typed_data"))));
        assertTampered(e, "which has passed");
    }

    @Test
    void aValidityOfMoreThanADayIsRefused() {
        assertTampered(refusedSponsored(typed -> message(typed).put("Execute Before", NOW + PaymasterReview.MAX_VALIDITY_SECONDS + 1)),
                "more than 24 hours from now");
        assertTampered(refusedSponsored(typed -> message(typed).put("Execute Before", "0x7fffffffffffffff")), "more than 24 hours");
    }

    @Test
    void anEmptyTimeWindowIsRefused() {
        assertTampered(refusedSponsored(typed -> message(typed).put("Execute After", 1_770_703_600L)), "time bounds are empty");
    }

    // ---- helpers ----

    private static WalletError refusedSponsored(Consumer<ObjectNode> alter) {
        ObjectNode typed = SPONSORED.get("typed_data").deepCopy();
        alter.accept(typed);
        return assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, MAINNET, ACCOUNT, SPONSORED_PAYMENT, NOW, sponsored(typed)));
    }

    private static WalletError refusedInUsdc(Consumer<ObjectNode> alter) {
        ObjectNode typed = IN_USDC.get("typed_data").deepCopy();
        alter.accept(typed);
        return assertThrows(WalletError.class, () -> PaymasterReview.check(CALLS, SEPOLIA, ACCOUNT, USDC_UP_TO_FEE, NOW, inUsdc(typed)));
    }

    private static void assertTampered(WalletError e, String names) {
        assertEquals(WalletError.Code.PAYMASTER_TAMPERED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(names), e.getMessage());
        assertTrue(e.advice().startsWith("Nothing was signed."), e.advice());
    }

    private static ArrayNode calls(ObjectNode typed) {
        return (ArrayNode) typed.at("/message/Calls");
    }

    private static ArrayNode calldata(ObjectNode typed, int call) {
        return (ArrayNode) calls(typed).get(call).get("Calldata");
    }

    private static ObjectNode domain(ObjectNode typed) {
        return (ObjectNode) typed.get("domain");
    }

    private static ObjectNode message(ObjectNode typed) {
        return (ObjectNode) typed.get("message");
    }

    private static BuiltTransaction sponsored(JsonNode typed) {
        return new BuiltTransaction(typed, parameters("sponsored", null), fee());
    }

    private static BuiltTransaction inUsdc(JsonNode typed) {
        return new BuiltTransaction(typed, parameters("default", USDC), fee());
    }

    private static ObjectNode parameters(String mode, Felt gasToken) {
        ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("version", "0x1");
        ObjectNode feeMode = parameters.putObject("fee_mode").put("mode", mode);
        if (gasToken != null) {
            feeMode.put("gas_token", gasToken.toHex());
        }
        return parameters;
    }

    private static PaymasterFee fee() {
        BigInteger f = FEE.value();
        return new PaymasterFee(BigInteger.ONE, f, f, f.shiftLeft(1), f.shiftLeft(1));
    }
}
