// A grpc-js client: checks grpc.health.v1 on each target ("name=host:port") and prints one JSON line each.
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";

const [healthProto, ...targets] = process.argv.slice(2);
const definition = protoLoader.loadSync(healthProto, { keepCase: true, enums: String, defaults: true });
const { Health } = grpc.loadPackageDefinition(definition).grpc.health.v1;

let failed = false;
for (const target of targets) {
  const [name, address] = target.split("=");
  const client = new Health(address, grpc.credentials.createInsecure());
  const deadline = new Date(Date.now() + 20_000);
  const result = await new Promise((resolve) =>
    client.Check({ service: "" }, { deadline }, (error, reply) =>
      resolve(error ? { name, address, code: error.code, details: error.details } : { name, address, status: reply.status })));
  failed ||= result.status !== "SERVING";
  console.log(JSON.stringify(result));
  client.close();
}
process.exitCode = failed ? 1 : 0;
