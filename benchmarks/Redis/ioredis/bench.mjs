// ioredis side of benchmarks/Redis/run.sh: the same closed loop as RedisLoad (SET then GET on the
// caller's own key, 3-byte value, 50 callers on one client). Usage: node bench.mjs <port> <callers> <seconds> <on|off>
import Redis from "ioredis";

const [port, callers = "50", seconds = "10", auto = "on"] = process.argv.slice(2);
const redis = new Redis({ host: "127.0.0.1", port: Number(port), enableAutoPipelining: auto === "on" });

async function run(durationMs) {
  let stop = false;
  let operations = 0;
  const started = process.hrtime.bigint();
  const workers = Array.from({ length: Number(callers) }, async (_, caller) => {
    const key = `bench:${caller}`;
    while (!stop) {
      await redis.set(key, "xxx");
      const value = await redis.get(key);
      if (value === null) throw new Error("GET returned nothing after SET");
      operations += 2;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  stop = true;
  await Promise.all(workers);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { rate: operations / elapsed, operations };
}

await run(2000); // warm-up
const cpuBefore = process.cpuUsage();
const { rate, operations } = await run(Number(seconds) * 1000);
const cpu = process.cpuUsage(cpuBefore);
console.log(`ops/s ${rate.toFixed(0)}`);
console.log(`cpu-us/op ${((cpu.user + cpu.system) / operations).toFixed(2)}`);
await redis.quit();
