package dev.tracedesk.shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shop stack as one CloudFormation template ({@code shop-stack.json} next to this class): what a deployment to
 * AWS, to moto_server and the sandbox's own CloudFormation engine all create. JSON, so no YAML parser is needed.
 */
public final class ShopTemplate {
    public static final String RESOURCE = "shop-stack.json";

    /** Parameter names. */
    public static final String PREFIX = "Prefix";
    public static final String TRACING = "Tracing";
    public static final String CODE_BUCKET = "CodeBucket";
    public static final String CODE_KEY = "CodeKey";
    public static final String SHOP_KEY = "ShopKey";

    /** Values of {@link #TRACING}. */
    public static final String TRACING_ON = "on";
    public static final String TRACING_OFF = "off";

    /** Output names. */
    public static final String OUT_INVOKE_URL = "InvokeUrl";
    public static final String OUT_REST_API_ID = "RestApiId";
    public static final String OUT_STAGE_NAME = "StageName";
    public static final String OUT_ACCEPT_FUNCTION = "AcceptFunctionName";
    public static final String OUT_DECRYPT_FUNCTION = "DecryptFunctionName";
    public static final String OUT_UPDATE_DB_FUNCTION = "UpdateDbFunctionName";
    public static final String OUT_UNIT_TEST_FUNCTION = "UnitTestFunctionName";
    public static final String OUT_TABLE = "TableName";

    /** Logical ids of the resources other code looks up. */
    public static final String ACCEPT_FUNCTION = "AcceptFunction";
    public static final String DECRYPT_FUNCTION = "DecryptFunction";
    public static final String UPDATE_DB_FUNCTION = "UpdateDbFunction";
    public static final String UNIT_TEST_FUNCTION = "UnitTestFunction";
    public static final String REST_API = "ShopApi";
    public static final String DEPLOYMENT = "ApiDeployment";
    public static final String TABLE = "ShopTable";

    private ShopTemplate() {}

    /** The template body, as CreateStack's {@code TemplateBody} takes it. */
    public static String json() {
        try (InputStream in = ShopTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CloudFormation stack name of a prefix, the same on AWS, moto and the sandbox: {@code tracedesk-shop-<prefix>}. */
    public static String stackName(String prefix) { return "tracedesk-shop-" + prefix; }

    /** The tracing parameter value for a switch. */
    public static String tracing(boolean on) { return on ? TRACING_ON : TRACING_OFF; }
}
