package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Several JSON-RPC calls sent in one HTTP round trip. Add requests, {@link #send()} once, then read each
 * {@link Result}: a result holds its own value or its own error, so one failing call does not hide the rest.
 */
public final class RpcBatch {

    private final RpcClient client;
    private final List<Result<?>> results = new ArrayList<>();
    private boolean sent;

    RpcBatch(RpcClient client) {
        this.client = client;
    }

    public <T> Result<T> add(RpcRequest<T> request) {
        if (sent) {
            throw new IllegalStateException("This batch was already sent; start a new one");
        }
        Result<T> result = new Result<>(request);
        results.add(result);
        return result;
    }

    /** Sends every request in one HTTP request. Transport failures throw; node errors stay per result. */
    public void send() {
        if (sent) {
            throw new IllegalStateException("This batch was already sent");
        }
        sent = true;
        if (results.isEmpty()) {
            return;
        }
        client.sendBatch(this);
    }

    public int size() {
        return results.size();
    }

    List<Result<?>> results() {
        return results;
    }

    /** The outcome of one request in a batch. */
    public static final class Result<T> {
        private final RpcRequest<T> request;
        private T value;
        private RpcException error;
        private boolean done;

        private Result(RpcRequest<T> request) {
            this.request = request;
        }

        RpcRequest<T> request() {
            return request;
        }

        void complete(JsonNode result) {
            try {
                value = request.parse(result);
            } catch (RpcException e) {
                error = e;
            }
            done = true;
        }

        void fail(RpcException e) {
            error = e;
            done = true;
        }

        /** The value, or the error the node returned for this request. */
        public T get() {
            if (!done) {
                throw new IllegalStateException("The batch has not been sent yet");
            }
            if (error != null) {
                throw error;
            }
            return value;
        }

        public boolean isError() {
            return done && error != null;
        }
    }
}
