package xyz.cavos.wallet.starknet.paymaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.testing.ScriptedNode;

/**
 * The SNIP-29 client against a real HTTP server whose replies are scripted and which checks every request and reply
 * against the paymaster API's OpenRPC document: the round trip, the API key in its header and in no message, every
 * error code, and replies that stall or never end.
 */
class PaymasterClientIT {

    private static final String KEY = "pk_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Felt ACCOUNT = Felt.parse("0x4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f");
    private static final Felt RELAYER = Felt.parse("0x127021a1b5a52d3174c2ab077c2b043c80369250d29428cee956d76ee51584f");
    private static final Felt SEPOLIA = Felt.fromShortString("SN_SEPOLIA");
    private static final List<Call> CALLS = List.of(Call.of(Token.USDC.address(), "transfer", List.of(Felt.of(0xbeef), Felt.of(1_000_000), Felt.ZERO)));
    private static final String FEE = "{\"gas_token_price_in_strk\":\"0x1bc16d674ec80000\",\"estimated_fee_in_strk\":\"0x2386f26fc10000\","
            + "\"estimated_fee_in_gas_token\":\"0x2710\",\"suggested_max_fee_in_strk\":\"0x470de4df820000\",\"suggested_max_fee_in_gas_token\":\"0x4e20\"}";

    private final ScriptedNode paymaster = new ScriptedNode();
    private final List<PaymasterClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(PaymasterClient::close);
        paymaster.close();
    }

    private PaymasterClient client(Duration timeout) {
        PaymasterClient client = PaymasterClient.connect(paymaster.uri(), Optional.of(PaymasterKey.of(KEY)), timeout);
        clients.add(client);
        return client;
    }

    @Test
    void buildExecuteAndTrackRoundTripInTheSpecsShapes() {
        paymaster.answer("paymaster_buildTransaction", this::wrapCalls)
                .answer("paymaster_executeTransaction", "{\"tracking_id\":\"0x7a1\",\"transaction_hash\":\"0x5e1f\"}")
                .answer("paymaster_trackingIdToLatestHash", "{\"transaction_hash\":\"0x5e20\",\"status\":\"accepted\"}");
        PaymasterClient client = client(Duration.ofSeconds(5));

        BuiltTransaction built = client.buildTransaction(ACCOUNT, CALLS, FeeMode.inGasToken(Token.USDC.address()),
                Optional.of(new TimeBounds(1_770_700_000L, 1_770_703_600L)));
        OutsideExecution execution = OutsideExecution.fromMessage(built.typedData().get("message"));
        assertEquals(CALLS, execution.calls().subList(0, 1), "the user's calls come back first");
        assertEquals(new BigInteger("2710", 16), built.fee().estimatedFeeInGasToken());
        assertEquals(new BigInteger("470de4df820000", 16), built.fee().suggestedMaxFeeInStrk());
        assertEquals("default", built.parameters().at("/fee_mode/mode").asText());

        ExecutedTransaction executed = client.executeTransaction(ACCOUNT, built.typedData(),
                List.of(Felt.fromShortString("SESSION_V1"), Felt.of(1), Felt.of(2), Felt.of(3)), built.parameters());
        assertEquals(new ExecutedTransaction(Felt.of(0x7a1), Felt.of(0x5e1f)), executed);
        assertEquals(new TrackedTransaction(Felt.of(0x5e20), TrackedTransaction.Status.ACCEPTED), client.trackingIdToLatestHash(executed.trackingId()));

        assertEquals(List.of("paymaster_buildTransaction", "paymaster_executeTransaction", "paymaster_trackingIdToLatestHash"), paymaster.methodsSeen());
        assertEquals(List.of(), paymaster.specProblems(), "every request and reply is in the paymaster API's shapes");
    }

    @Test
    void aSponsoredBuildAsksForTheSponsoredMode() {
        paymaster.answer("paymaster_buildTransaction", params -> {
            assertEquals("sponsored", params.at("/parameters/fee_mode/mode").asText());
            assertTrue(params.at("/parameters/time_bounds").isMissingNode());
            return wrapCalls(params);
        });
        client(Duration.ofSeconds(5)).buildTransaction(ACCOUNT, CALLS, FeeMode.sponsored());
        assertEquals(List.of(), paymaster.specProblems());
    }

    @Test
    void availabilityAndTokensAreRead() {
        paymaster.answer("paymaster_isAvailable", "true").answer("paymaster_getSupportedTokens",
                "[{\"token_address\":\"" + Token.USDC.address().toHex() + "\",\"decimals\":6,\"price_in_strk\":\"0x1bc16d674ec80000\"}]");
        PaymasterClient client = client(Duration.ofSeconds(5));
        assertTrue(client.isAvailable());
        assertEquals(List.of(new SupportedToken(Token.USDC.address(), 6, U256.of(new BigInteger("1bc16d674ec80000", 16)))), client.supportedTokens());
        assertEquals(List.of(), paymaster.specProblems());
    }

    @Test
    void everyRequestCarriesTheKeyInItsHeader() {
        paymaster.answer("paymaster_isAvailable", "true");
        PaymasterClient client = client(Duration.ofSeconds(5));
        client.isAvailable();
        client.isAvailable();
        assertEquals(List.of(List.of(KEY), List.of(KEY)), paymaster.headerValues(PaymasterClient.API_KEY_HEADER));
        assertFalse(client.toString().contains(KEY));
        assertFalse(PaymasterKey.of(KEY).toString().contains(KEY));
    }

    @Test
    void aClientWithoutAKeySendsNoKeyHeader() {
        paymaster.answer("paymaster_isAvailable", "false");
        try (PaymasterClient client = PaymasterClient.connect(paymaster.uri(), Optional.empty(), Duration.ofSeconds(5))) {
            assertFalse(client.isAvailable());
        }
        assertEquals(List.of(List.of()), paymaster.headerValues(PaymasterClient.API_KEY_HEADER));
    }

    @Test
    void aKeyThePaymasterRepeatsBackIsInNoExceptionText() {
        paymaster.error("paymaster_buildTransaction", 163, "An error occurred (UNKNOWN_ERROR): key " + KEY + " is not valid",
                "\"no project for key " + KEY + "\"");
        PaymasterException.Refused e = assertThrows(PaymasterException.Refused.class,
                () -> client(Duration.ofSeconds(5)).buildTransaction(ACCOUNT, CALLS, FeeMode.sponsored()));
        for (String text : List.of(e.getMessage(), e.toString(), e.paymasterMessage(), e.data().toString(), e.reason().orElseThrow())) {
            assertFalse(text.contains(KEY), text);
        }
        assertTrue(e.getMessage().contains("[paymaster API key]"), e.getMessage());
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> PaymasterKey.of("secret-part\nInjected: header"));
        assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
    }

    @Test
    void eachSnip29ErrorCodeBecomesARefusalWithItsCodeMessageAndData() {
        Map<PaymasterErrorCode, String> methods = Map.ofEntries(
                Map.entry(PaymasterErrorCode.INVALID_ADDRESS, "paymaster_buildTransaction"),
                Map.entry(PaymasterErrorCode.TOKEN_NOT_SUPPORTED, "paymaster_buildTransaction"),
                Map.entry(PaymasterErrorCode.INVALID_SIGNATURE, "paymaster_executeTransaction"),
                Map.entry(PaymasterErrorCode.MAX_AMOUNT_TOO_LOW, "paymaster_executeTransaction"),
                Map.entry(PaymasterErrorCode.CLASS_HASH_NOT_SUPPORTED, "paymaster_buildTransaction"),
                Map.entry(PaymasterErrorCode.TRANSACTION_EXECUTION_ERROR, "paymaster_buildTransaction"),
                Map.entry(PaymasterErrorCode.INVALID_TIME_BOUNDS, "paymaster_buildTransaction"),
                Map.entry(PaymasterErrorCode.INVALID_DEPLOYMENT_DATA, "paymaster_executeTransaction"),
                Map.entry(PaymasterErrorCode.INVALID_ID, "paymaster_trackingIdToLatestHash"),
                Map.entry(PaymasterErrorCode.UNKNOWN_ERROR, "paymaster_buildTransaction"));
        PaymasterClient client = client(Duration.ofSeconds(5));
        for (var entry : methods.entrySet()) {
            PaymasterErrorCode code = entry.getKey();
            String data = switch (code) {
                case TRANSACTION_EXECUTION_ERROR -> "{\"execution_error\":{\"contract_address\":\"0x1\",\"class_hash\":\"0x2\",\"selector\":\"0x3\","
                        + "\"error\":\"Session expired\"}}";
                case UNKNOWN_ERROR -> "\"database unreachable\"";
                default -> null;
            };
            paymaster.error(entry.getValue(), code.code(), "An error occurred (" + code.name() + ")", data);
            PaymasterException.Refused e = assertThrows(PaymasterException.Refused.class, () -> call(client, entry.getValue()), code.name());
            assertEquals(code.code(), e.code());
            assertEquals(Optional.of(code), e.paymasterCode());
            assertEquals(entry.getValue(), e.method());
            assertEquals("An error occurred (" + code.name() + ")", e.paymasterMessage());
            assertTrue(e.getMessage().contains(code.name()), e.getMessage());
            assertFalse(e.maybeDelivered());
            if (code == PaymasterErrorCode.TRANSACTION_EXECUTION_ERROR) {
                assertEquals(Optional.of("Session expired"), e.reason());
                assertTrue(e.getMessage().endsWith(": Session expired"), e.getMessage());
            } else if (code == PaymasterErrorCode.UNKNOWN_ERROR) {
                assertEquals(Optional.of("database unreachable"), e.reason());
            } else {
                assertEquals(Optional.empty(), e.reason());
            }
        }
        assertEquals(List.of(), paymaster.specProblems(), "each scripted error is one its method declares");
    }

    @Test
    void aLongMessageAndLargeDataAreCutToTheirBounds() {
        paymaster.error("paymaster_buildTransaction", 156, "x".repeat(100_000),
                "{\"execution_error\":\"" + "Session expired ".repeat(20_000) + "\"}");
        PaymasterException.Refused e = assertThrows(PaymasterException.Refused.class,
                () -> client(Duration.ofSeconds(5)).buildTransaction(ACCOUNT, CALLS, FeeMode.sponsored()));
        assertTrue(e.paymasterMessage().length() <= PaymasterException.MAX_TEXT);
        assertTrue(e.data().isTextual() && e.data().asText().length() <= PaymasterException.MAX_DATA_CHARS, "data kept as the start of its text");
        assertTrue(e.getMessage().length() < 2 * PaymasterException.MAX_TEXT + 200, "message of " + e.getMessage().length() + " characters");
    }

    @Test
    void aStalledReplyIsCutOffAtTheTimeout() {
        paymaster.answer("paymaster_isAvailable", "true").fault(ScriptedNode.Fault.STALL_MID_BODY, 3);
        long start = System.nanoTime();
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> client(Duration.ofSeconds(1)).isAvailable());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(PaymasterException.Failed.Kind.TIMEOUT, e.kind());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
        assertTrue(e.getMessage().startsWith("The paymaster at http://127.0.0.1:"), e.getMessage());
        assertFalse(e.getMessage().contains("/rpc/"), "the path is not shown: " + e.getMessage());
    }

    @Test
    void aSlowPaymasterIsCutOffAtTheTimeout() {
        paymaster.answer("paymaster_isAvailable", "true").delay(5_000);
        long start = System.nanoTime();
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> client(Duration.ofMillis(800)).isAvailable());
        assertEquals(PaymasterException.Failed.Kind.TIMEOUT, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void aHugeReplyIsDroppedUnread() {
        paymaster.answer("paymaster_isAvailable", "true").fault(ScriptedNode.Fault.HUGE_BODY, 1);
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> client(Duration.ofSeconds(10)).isAvailable());
        assertEquals(PaymasterException.Failed.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().contains("more than 1 MB"), e.getMessage());
    }

    @Test
    void anExecuteWhoseAnswerIsLostMayHaveBeenDeliveredAndIsNotSentAgain() {
        paymaster.answer("paymaster_executeTransaction", "{\"tracking_id\":\"0x1\",\"transaction_hash\":\"0x2\"}")
                .fault(ScriptedNode.Fault.DROP_CONNECTION, 1);
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> call(client(Duration.ofSeconds(5)), "paymaster_executeTransaction"));
        assertTrue(e.maybeDelivered());
        assertEquals(1, paymaster.httpRequests(), "an execute is sent once");
    }

    @Test
    void aReplyOfTheWrongShapeIsMalformed() {
        paymaster.answer("paymaster_trackingIdToLatestHash", "{\"transaction_hash\":\"0x5\",\"status\":\"pending\"}");
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> client(Duration.ofSeconds(5)).trackingIdToLatestHash(Felt.ONE));
        assertEquals(PaymasterException.Failed.Kind.MALFORMED_REPLY, e.kind());
        assertTrue(e.getMessage().contains("status is not active, accepted or dropped"), e.getMessage());
        assertFalse(paymaster.specProblems().isEmpty(), "the scripted paymaster saw its own reply is off the spec");
    }

    @Test
    void aRefusedKeyIsAnHttpStatusOf401() {
        paymaster.answer("paymaster_isAvailable", "true").fault(ScriptedNode.Fault.HTTP_401, 1);
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, () -> client(Duration.ofSeconds(5)).isAvailable());
        assertEquals(PaymasterException.Failed.Kind.HTTP_STATUS, e.kind());
        assertEquals(java.util.OptionalInt.of(401), e.httpStatus());
        assertEquals(1, paymaster.httpRequests(), "a refused key is not tried again");
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void aPaymasterThatIsNotThereIsUnreachable() {
        PaymasterClient client = PaymasterClient.connect(java.net.URI.create("http://127.0.0.1:9/paymaster"), Optional.of(PaymasterKey.of(KEY)),
                Duration.ofSeconds(2));
        clients.add(client);
        PaymasterException.Failed e = assertThrows(PaymasterException.Failed.class, client::isAvailable);
        assertEquals(PaymasterException.Failed.Kind.UNREACHABLE, e.kind());
        assertFalse(e.getMessage().contains(KEY));
    }

    private static Object call(PaymasterClient client, String method) {
        return switch (method) {
            case "paymaster_buildTransaction" -> client.buildTransaction(ACCOUNT, CALLS, FeeMode.sponsored());
            case "paymaster_executeTransaction" -> client.executeTransaction(ACCOUNT, typedData(new OutsideExecution(RELAYER, Felt.of(5),
                    1_770_700_000L, 1_770_703_600L, CALLS)), List.of(Felt.ONE, Felt.of(2)), JsonNodeFactory.instance.objectNode().put("version", "0x1")
                    .set("fee_mode", JsonNodeFactory.instance.objectNode().put("mode", "sponsored")));
            case "paymaster_trackingIdToLatestHash" -> client.trackingIdToLatestHash(Felt.of(0x7a1));
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** What an honest paymaster answers: the calls wrapped in an outside execution, a USDC fee transfer appended when asked. */
    private JsonNode wrapCalls(JsonNode params) {
        List<Call> calls = new ArrayList<>();
        for (JsonNode call : params.at("/transaction/invoke/calls")) {
            List<Felt> data = new ArrayList<>();
            call.get("calldata").forEach(f -> data.add(Felt.parse(f.asText())));
            calls.add(new Call(Felt.parse(call.get("to").asText()), Felt.parse(call.get("selector").asText()), data));
        }
        JsonNode mode = params.at("/parameters/fee_mode");
        if ("default".equals(mode.path("mode").asText())) {
            calls.add(new Call(Felt.parse(mode.get("gas_token").asText()), Selector.of("transfer"), List.of(RELAYER, Felt.of(0x2710), Felt.ZERO)));
        }
        ObjectNode reply = JsonNodeFactory.instance.objectNode().put("type", "invoke");
        reply.set("typed_data", typedData(new OutsideExecution(RELAYER, Felt.of(5), 1_770_700_000L, 1_770_703_600L, calls)));
        reply.set("parameters", params.get("parameters"));
        try {
            reply.set("fee", new com.fasterxml.jackson.databind.ObjectMapper().readTree(FEE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return reply;
    }

    /** The typed data with revision as the number 1, as the paymaster API's schema writes it (starknet.js writes "1"). */
    private static ObjectNode typedData(OutsideExecution execution) {
        ObjectNode typed = execution.typedData(SEPOLIA);
        ((ObjectNode) typed.get("domain")).put("revision", 1);
        return typed;
    }
}
