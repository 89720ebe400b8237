/** `bottleneck/light.js`, the build Octokit's retry and throttling plugins import: Bottleneck's API without Redis. */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
