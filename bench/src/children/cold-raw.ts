/**
 * Cold start, raw: bundled like a Lambda; prints the time from process start to the handler being loaded (its
 * module and the SDK evaluated, the client and model set up) and to the first GetItem resolved.
 */
import { handler } from "../handlers/raw.js";
import { reportFirstGet } from "./first-get.js";

reportFirstGet(handler);
