// The same package required from CommonJS (`module: nodenext`, a .cts file): dist/index.d.cts.
import dynamodel = require("dynamodel");

const User = dynamodel.model("User", new dynamodel.Schema({ id: { type: String, hashKey: true }, age: Number }));

export async function age(id: string): Promise<number | undefined> {
  const user = await User.get(id);
  return user?.age;
}
export class UserSchema extends dynamodel.Schema {
  constructor() {
    super({ id: { type: String, hashKey: true } }, { saveUnknown: true });
  }
}
export const Users = dynamodel.model("Users", new UserSchema());
export const same: typeof dynamodel.model = dynamodel.default.model;
