package dev.tracedesk.shop.deploy;

import java.util.Objects;

/** Where the functions' deployment zip is: the template's CodeBucket and CodeKey parameters. */
public record CodeLocation(String bucket, String key) {
    /**
     * The sandbox has no S3 and runs the handlers in-process (its runtime maps the template's Handler strings to the
     * handler classes), so its CloudFormation accepts any code location. This is the one the sandbox creates its own
     * shop stack with (sandbox.stack.ShopStack), so deploying to the sandbox is no code change.
     */
    public static final CodeLocation SANDBOX = new CodeLocation("sandbox", "class-path");

    public CodeLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
