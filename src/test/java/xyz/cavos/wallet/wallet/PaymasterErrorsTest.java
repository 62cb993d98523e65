package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.paymaster.PaymasterErrorCode;
import xyz.cavos.wallet.starknet.paymaster.PaymasterException;

/** Each SNIP-29 error code and each way a paymaster can fail, as the wallet error people see. */
class PaymasterErrorsTest {

    private static final String BUILD = "paymaster_buildTransaction";
    private static final String EXECUTE = "paymaster_executeTransaction";

    @Test
    void invalidAddressIsARefusalAboutTheAccount() {
        WalletError e = refused(PaymasterErrorCode.INVALID_ADDRESS, MissingNode.getInstance());
        assertRefusal(e, WalletError.Code.PAYMASTER_REFUSED, "does not accept this account address");
        assertInstanceOf(NextStep.SeeSession.class, e.next());
    }

    @Test
    void tokenNotSupportedNamesTheGasToken() {
        WalletError e = refused(PaymasterErrorCode.TOKEN_NOT_SUPPORTED, MissingNode.getInstance());
        assertRefusal(e, WalletError.Code.GAS_TOKEN_NOT_SUPPORTED, "takes no fees in this gas token");
        assertTrue(e.advice().contains("sponsored"), e.advice());
    }

    @Test
    void invalidSignatureIsARefusalOfTheSessionKeysSignature() {
        assertRefusal(refused(PaymasterErrorCode.INVALID_SIGNATURE, MissingNode.getInstance()), WalletError.Code.PAYMASTER_REFUSED,
                "refused the session key's signature");
    }

    @Test
    void maxAmountTooLowIsAFeeAboveTheMaximum() {
        assertRefusal(refused(PaymasterErrorCode.MAX_AMOUNT_TOO_LOW, MissingNode.getInstance()), WalletError.Code.FEE_ABOVE_MAXIMUM,
                "above the maximum");
    }

    @Test
    void classHashNotSupportedNamesTheAccountsClass() {
        assertRefusal(refused(PaymasterErrorCode.CLASS_HASH_NOT_SUPPORTED, MissingNode.getInstance()), WalletError.Code.PAYMASTER_REFUSED,
                "this account's contract class");
        assertRefusal(refused(PaymasterErrorCode.INVALID_CLASS_HASH, MissingNode.getInstance()), WalletError.Code.PAYMASTER_REFUSED,
                "this account's contract class");
    }

    @Test
    void anExecutionErrorWithTheAccountsReasonIsThatReason() {
        JsonNode data = JsonNodeFactory.instance.objectNode().set("execution_error", JsonNodeFactory.instance.objectNode()
                .put("contract_address", "0x1").put("class_hash", "0x2").put("selector", "0x3").put("error", "Spending limit exceeded"));
        WalletError e = refused(PaymasterErrorCode.TRANSACTION_EXECUTION_ERROR, data);
        assertEquals(WalletError.Code.SPENDING_LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.advice().startsWith("Nothing was sent."), e.advice());
    }

    @Test
    void anExecutionErrorWithAnotherReasonSaysWhy() {
        JsonNode data = JsonNodeFactory.instance.objectNode().put("execution_error", "ERC20: transfer to the zero address");
        WalletError e = refused(PaymasterErrorCode.TRANSACTION_EXECUTION_ERROR, data);
        assertRefusal(e, WalletError.Code.PAYMASTER_REFUSED, "ERC20: transfer to the zero address");
        assertInstanceOf(NextStep.ReviewCalls.class, e.next());
    }

    @Test
    void invalidTimeBoundsPointsAtTheClock() {
        WalletError e = refused(PaymasterErrorCode.INVALID_TIME_BOUNDS, MissingNode.getInstance());
        assertRefusal(e, WalletError.Code.PAYMASTER_REFUSED, "time window");
        assertTrue(e.advice().contains("clock"), e.advice());
    }

    @Test
    void invalidDeploymentDataIsARefusal() {
        assertRefusal(refused(PaymasterErrorCode.INVALID_DEPLOYMENT_DATA, MissingNode.getInstance()), WalletError.Code.PAYMASTER_REFUSED,
                "deployment data");
    }

    @Test
    void invalidIdIsAnUnknownTrackingId() {
        WalletError e = PaymasterErrors.of(new PaymasterException.Refused("paymaster_trackingIdToLatestHash", 160, "An error occurred (INVALID_ID)",
                MissingNode.getInstance()));
        assertEquals(WalletError.Code.PAYMASTER_REFUSED, e.code());
        assertTrue(e.getMessage().contains("tracking id"), e.getMessage());
    }

    @Test
    void unknownErrorCarriesThePaymastersData() {
        WalletError e = refused(PaymasterErrorCode.UNKNOWN_ERROR, JsonNodeFactory.instance.textNode("relayer out of funds"));
        assertRefusal(e, WalletError.Code.PAYMASTER_REFUSED, "relayer out of funds");
    }

    @Test
    void aCodeOutsideSnip29MeansTheServiceIsNotUsable() {
        WalletError e = PaymasterErrors.of(new PaymasterException.Refused(BUILD, -32601, "Method not found", MissingNode.getInstance()));
        assertEquals(WalletError.Code.PAYMASTER_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("-32601") && e.getMessage().contains("Method not found"), e.getMessage());
    }

    @Test
    void anUnreachableOrSlowPaymasterIsUnavailable() {
        for (var kind : new PaymasterException.Failed.Kind[] {PaymasterException.Failed.Kind.UNREACHABLE, PaymasterException.Failed.Kind.TIMEOUT}) {
            WalletError e = PaymasterErrors.of(new PaymasterException.Failed(BUILD, kind, 0, false, "The paymaster at https://pm.example did not answer."));
            assertEquals(WalletError.Code.PAYMASTER_UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            assertInstanceOf(NextStep.CheckConnection.class, e.next());
            assertNoSilentFallback(e);
        }
    }

    @Test
    void aRefusedKeyIsAnApiKeyProblem() {
        for (int status : new int[] {401, 403}) {
            WalletError e = PaymasterErrors.of(new PaymasterException.Failed(BUILD, PaymasterException.Failed.Kind.HTTP_STATUS, status, false, "HTTP " + status));
            assertEquals(WalletError.Code.PAYMASTER_API_KEY, e.code());
            assertTrue(e.advice().contains("API key"), e.advice());
        }
        assertEquals(WalletError.Code.PAYMASTER_API_KEY, PaymasterErrors.apiKeyMissing("https://pm.example").code());
    }

    @Test
    void aSponsoredRequestWithoutAKeyRefusedForNoNamedReasonIsAboutTheKeyAndOnlyThen() {
        WalletError unnamed = PaymasterErrors.withoutKey(refusal(PaymasterErrorCode.UNKNOWN_ERROR), "https://pm.example");
        assertEquals(WalletError.Code.PAYMASTER_API_KEY, unnamed.code());
        assertTrue(unnamed.getMessage().startsWith("No API key is set for the paymaster at https://pm.example, and it refused"),
                unnamed.getMessage());
        assertInstanceOf(NextStep.SetPaymasterKey.class, unnamed.next());
        WalletError named = PaymasterErrors.withoutKey(refusal(PaymasterErrorCode.INVALID_SIGNATURE), "https://pm.example");
        assertEquals(WalletError.Code.PAYMASTER_REFUSED, named.code(), "a reason of its own stays that reason");
        assertTrue(named.getMessage().contains("signature"), named.getMessage());
    }

    @Test
    void aLostExecuteAnswerMayStillBeSent() {
        WalletError e = PaymasterErrors.of(new PaymasterException.Failed(EXECUTE, PaymasterException.Failed.Kind.TIMEOUT, 0, true, "no answer"));
        assertEquals(WalletError.Code.TRANSACTION_UNCONFIRMED, e.code());
        assertTrue(e.advice().contains("once at most"), e.advice());
    }

    @Test
    void aGasTokenOutsideThePolicyIsNamed() {
        WalletError e = PaymasterErrors.gasTokenNotInPolicy("USDC");
        assertEquals(WalletError.Code.GAS_TOKEN_NOT_IN_POLICY, e.code());
        assertTrue(e.getMessage().contains("USDC"), e.getMessage());
        assertInstanceOf(NextStep.SeePolicy.class, e.next());
    }

    @Test
    void aPaymasterThatSaysItIsDownIsUnavailable() {
        assertEquals(WalletError.Code.PAYMASTER_UNAVAILABLE, PaymasterErrors.notAvailable("https://pm.example").code());
    }

    private static WalletError refused(PaymasterErrorCode code, JsonNode data) {
        return PaymasterErrors.of(refusal(code, data));
    }

    private static PaymasterException.Refused refusal(PaymasterErrorCode code) {
        return refusal(code, MissingNode.getInstance());
    }

    private static PaymasterException.Refused refusal(PaymasterErrorCode code, JsonNode data) {
        String method = code == PaymasterErrorCode.INVALID_SIGNATURE || code == PaymasterErrorCode.MAX_AMOUNT_TOO_LOW ? EXECUTE : BUILD;
        return new PaymasterException.Refused(method, code.code(), "An error occurred (" + code.name() + ")", data);
    }

    private static void assertRefusal(WalletError e, WalletError.Code code, String names) {
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(names), e.getMessage());
        assertFalse(e.advice().isBlank());
        assertNoSilentFallback(e);
    }

    /** The advice may offer paying the fee oneself as a choice; it never says the wallet did so. */
    private static void assertNoSilentFallback(WalletError e) {
        assertFalse((e.getMessage() + e.advice()).contains("paid in STRK instead"), e.advice());
    }
}
