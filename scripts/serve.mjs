// `make serve`: serves the built web app on 127.0.0.1 and prints its address.
import { startServer } from '../tests/web/static_server.mjs';

const dist = process.argv[2];
const port = Number(process.argv[3] || 8080);
const { url } = await startServer(dist, port).catch((err) => {
  console.error(`Could not listen on 127.0.0.1:${port}: ${err.message} (try: make serve PORT=8081)`);
  process.exit(1);
});
console.log(`Lambda Playground is running at ${url}  (Ctrl+C stops it)`);
