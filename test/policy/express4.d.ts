// Express 4, installed as the alias express4 for tests that read its router; typed as Express.
declare module 'express4' {
  import express from 'express';
  export default express;
}
