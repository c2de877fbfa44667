/** Imported first by every entry point: silences the SDK's Node 20 support warning before the SDK loads. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
