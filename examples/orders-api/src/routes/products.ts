/**
 * Products: create one (409 when the SKU exists) and list them, by tag when `?tag=` is given.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import dynamodel from "dynamodel";
import { jsonBody } from "../body.js";
import { HttpError, json } from "../http.js";
import { Product } from "../models.js";

type ProductItem = InstanceType<typeof Product>;

/** A product as the API shows it (its Set of tags as a sorted array). */
export const productView = (product: ProductItem) => ({ ...product.toJSON(), tags: [...(product.tags ?? [])].sort() });

/** `POST /products` `{sku, name, priceCents, stock, tags?}`. */
export async function createProduct(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const body = jsonBody(event, ["sku", "name", "priceCents", "stock", "tags"]);
  if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.length <= 20)) {
    throw new HttpError(400, "type_mismatch", [{ path: "tags", code: "type_mismatch", expected: "an array of at most 20 strings" }]);
  }
  const product = await Product.create(body as Parameters<typeof Product.create>[0]);
  return json(201, productView(product), { location: `/products/${product.sku}` });
}

/**
 * `GET /products?tag=t`: a Scan filtered with `contains(tags, t)`. A catalogue small enough to scan is assumed; a
 * large one would keep a tag → SKU item per pair and query it instead.
 */
export async function listProducts(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const tag = event.queryStringParameters?.tag;
  const scan = tag === undefined ? Product.scan() : Product.scan(new dynamodel.Condition("tags").contains(tag));
  const products = await scan.all().exec();
  return json(200, { items: products.sort((a, b) => (a.sku < b.sku ? -1 : 1)).map(productView) });
}
